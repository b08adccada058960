"""Runs torch.optim (float64, single-tensor code path) on the cases of test/bases/torch.test.ts.

stdin: a JSON list of {base, own, common, theta0, grads}; stdout: a JSON list of trajectories
θ_0..θ_T. Placements: 'base' → the optimizer's own weight_decay; 'loss' → weight_decay 0 (the
objective carries the term); 'decoupled' → torch.optim.AdamW for adamw, and for the other bases
θ.mul_(1 − lr·λ) before a weight_decay-0 step (SGDW-style; torch has no such option there).
"""
import json
import sys

import torch


def make(base, own, lr, wd, params):
    if base == "sgd":
        return torch.optim.SGD(params, lr=lr, momentum=own["momentum"], dampening=own["dampening"], nesterov=own["nesterov"], weight_decay=wd, foreach=False)
    if base in ("adam", "adamw"):
        cls = torch.optim.Adam if base == "adam" else torch.optim.AdamW
        return cls(params, lr=lr, betas=(own["beta1"], own["beta2"]), eps=own["epsilon"], weight_decay=wd, amsgrad=own["amsgrad"], foreach=False)
    if base == "rmsprop":
        return torch.optim.RMSprop(params, lr=lr, alpha=own["alpha"], eps=own["epsilon"], momentum=own["momentum"], centered=own["centered"], weight_decay=wd, foreach=False)
    if base == "adagrad":
        return torch.optim.Adagrad(params, lr=lr, lr_decay=own["lrDecay"], initial_accumulator_value=own["initialAccumulatorValue"], eps=own["epsilon"], weight_decay=wd, foreach=False)
    raise ValueError(f"unknown base {base}")


def run(case):
    common = case["common"]
    lr, wd, placement = common["learningRate"], common["weightDecay"], common["weightDecayIn"]
    p = torch.tensor(case["theta0"], dtype=torch.float64, requires_grad=True)
    native = placement == "base" or (placement == "decoupled" and case["base"] == "adamw")
    opt = make(case["base"], case["own"], lr, wd if native else 0.0, [p])
    out = [p.detach().tolist()]
    for g in case["grads"]:
        with torch.no_grad():
            if placement == "decoupled" and not native:
                p.mul_(1 - lr * wd)
        p.grad = torch.tensor(g, dtype=torch.float64)
        opt.step()
        out.append(p.detach().tolist())
    return out


if __name__ == "__main__":
    torch.set_default_dtype(torch.float64)
    json.dump([run(c) for c in json.load(sys.stdin)], sys.stdout)
