"""Accuracy peer: trains the report's MLP task in PyTorch with the davda54-style SAM the repository
verifies (python/examples/torch_sam.py), on exactly the data, initial parameters, data order and
hyperparameters that samcheck's training benchmark used, so the two can be compared seed by seed.

Usage: /usr/bin/python3 torch_train.py DIR
DIR holds config.json and little-endian binaries written by benchmarks/peers/torch_train.ts:
  x_train.f32 [n, features], y_train.i32 [n], x_test.f32, y_test.i32,
  init_<seed>.f32 (the parameters in samcheck's order: per layer kernel [in, out], then bias),
  order_<seed>.i32 [epochs, n] (each epoch's permutation of the training examples).
Prints one JSON object: per run (algorithm, seed) the test accuracy and loss after training and the
process CPU seconds of each epoch's optimizer steps.
"""
import json
import math
import os
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "python", "examples"))
from torch_sam import SAM  # noqa: E402  (the repository's davda54-style SAM)


def read(directory, name, dtype, shape):
    return torch.from_numpy(np.fromfile(os.path.join(directory, name), dtype=dtype).reshape(shape).copy())


def build_model(sizes, flat):
    """An MLP whose parameters are samcheck's: kernel [in, out] becomes torch's weight [out, in]."""
    layers = []
    offset = 0
    for i in range(len(sizes) - 1):
        linear = torch.nn.Linear(sizes[i], sizes[i + 1])
        fan_in, fan_out = sizes[i], sizes[i + 1]
        kernel = flat[offset:offset + fan_in * fan_out].reshape(fan_in, fan_out)
        offset += fan_in * fan_out
        bias = flat[offset:offset + fan_out]
        offset += fan_out
        with torch.no_grad():
            linear.weight.copy_(kernel.t())
            linear.bias.copy_(bias)
        layers.append(linear)
        if i + 2 < len(sizes):
            layers.append(torch.nn.ReLU())
    if offset != flat.numel():
        raise ValueError(f"init has {flat.numel()} values, the model {offset}")
    return torch.nn.Sequential(*layers)


def learning_rate(base, epoch, epochs, schedule):
    return 0.5 * base * (1 + math.cos(math.pi * epoch / epochs)) if schedule == "cosine" else base


def train(config, data, run, directory):
    seed = run["seed"]
    sizes = config["sizes"]
    flat = read(directory, f"init_{seed}.f32", np.float32, (-1,))
    order = read(directory, f"order_{seed}.i32", np.int32, (config["epochs"], -1)).long()
    model = build_model(sizes, flat)
    loss_fn = torch.nn.CrossEntropyLoss()
    base = dict(lr=config["learningRate"], momentum=config["momentum"])
    if run["algorithm"] == "sam":
        optimizer = SAM(model.parameters(), torch.optim.SGD, rho=run["rho"], **base)
    else:
        optimizer = torch.optim.SGD(model.parameters(), **base)
    x, y = data["x_train"], data["y_train"]
    batch = config["batchSize"]
    batches = x.shape[0] // batch
    epoch_cpu = []
    for epoch in range(config["epochs"]):
        for group in optimizer.param_groups:
            group["lr"] = learning_rate(config["learningRate"], epoch, config["epochs"], config["schedule"])
        started = time.process_time()
        for b in range(batches):
            idx = order[epoch, b * batch:(b + 1) * batch]
            xb, yb = x[idx], y[idx]
            if run["algorithm"] == "sam":
                loss_fn(model(xb), yb).backward()
                optimizer.first_step(zero_grad=True)
                loss_fn(model(xb), yb).backward()
                optimizer.second_step(zero_grad=True)
            else:
                optimizer.zero_grad(set_to_none=True)
                loss_fn(model(xb), yb).backward()
                optimizer.step()
        epoch_cpu.append(time.process_time() - started)
    with torch.no_grad():
        logits = model(data["x_test"])
        test_loss = loss_fn(logits, data["y_test"]).item()
        test_accuracy = (logits.argmax(1) == data["y_test"]).float().mean().item()
    return {"label": run["label"], "seed": seed, "testAccuracy": test_accuracy, "testLoss": test_loss, "epochCpuSeconds": epoch_cpu}


def main():
    directory = sys.argv[1]
    with open(os.path.join(directory, "config.json")) as f:
        config = json.load(f)
    torch.set_num_threads(config.get("threads", 1))
    features = config["sizes"][0]
    data = {
        "x_train": read(directory, "x_train.f32", np.float32, (-1, features)),
        "y_train": read(directory, "y_train.i32", np.int32, (-1,)).long(),
        "x_test": read(directory, "x_test.f32", np.float32, (-1, features)),
        "y_test": read(directory, "y_test.i32", np.int32, (-1,)).long(),
    }
    runs = [train(config, data, run, directory) for run in config["runs"]]
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "runs": runs}))


if __name__ == "__main__":
    main()
