"""Peer timing: the same SAM step as samcheck's kernel benchmark, in PyTorch on CPU.

MLP 784-256-256-10, batch 128, cross-entropy, SAM with rho=0.05 (normalised, eps=1e-12), plain SGD
lr=0.01. Prints one JSON object: median milliseconds of forward+backward, an SGD step and a SAM step,
measured in interleaved rounds like the TypeScript side.
Usage: /usr/bin/python3 torch_sam_step.py [--rounds N] [--iterations N] [--seed S] [--threads T]
"""
import argparse
import json
import statistics
import time

import torch


def loaded_blas():
    """Which BLAS the process actually mapped (Debian switches libblas.so.3 by alternatives)."""
    try:
        with open("/proc/self/maps") as maps:
            text = maps.read()
    except OSError:
        return "unknown"
    for name in ("openblas", "mkl", "blis", "atlas"):
        if name in text:
            return name
    return "reference" if "libblas" in text else "unknown"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--iterations", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--batch", type=int, default=128)
    args = parser.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    model = torch.nn.Sequential(
        torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 256), torch.nn.ReLU(), torch.nn.Linear(256, 10)
    )
    x = torch.randn(args.batch, 784)
    y = torch.randint(0, 10, (args.batch,))
    loss_fn = torch.nn.CrossEntropyLoss()
    params = list(model.parameters())
    lr, rho, eps = 0.01, 0.05, 1e-12

    def forward_backward():
        model.zero_grad(set_to_none=True)
        loss_fn(model(x), y).backward()

    def sgd_step():
        forward_backward()
        with torch.no_grad():
            for p in params:
                p.sub_(lr * p.grad)

    def sam_step():
        forward_backward()
        with torch.no_grad():
            norm = torch.norm(torch.stack([p.grad.norm() for p in params]))
            scale = rho / (norm + eps)
            deltas = [p.grad * scale for p in params]
            for p, d in zip(params, deltas):
                p.add_(d)
        forward_backward()
        with torch.no_grad():
            for p, d in zip(params, deltas):
                p.sub_(d)
                p.sub_(lr * p.grad)

    tasks = {"forward+backward": forward_backward, "SGD": sgd_step, "SAM": sam_step}
    for fn in tasks.values():
        fn()  # warm-up
    rounds = {name: [] for name in tasks}
    for _ in range(args.rounds):
        for name, fn in tasks.items():
            samples = []
            for _ in range(args.iterations):
                t0 = time.perf_counter()
                fn()
                samples.append((time.perf_counter() - t0) * 1000)
            rounds[name].append(statistics.median(samples))
    print(json.dumps({
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "blas": loaded_blas(),
        "rounds": rounds,
    }))


if __name__ == "__main__":
    main()
