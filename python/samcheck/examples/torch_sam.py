#!/usr/bin/env python3
"""Worked example: a PyTorch SAM written like the popular wrappers (davda54/sam: first_step /
second_step around a torch.optim base optimizer), checked by ``samcheck verify``.

    samcheck verify --impl "python3 -m samcheck.examples.torch_sam --dtype float32"
    pytest --samcheck=samcheck.examples.torch_sam:implementation


Everything below ``serve`` is the optimizer as users write it; the adapter part is ~30 lines.
"""
import argparse
import sys

import torch

from samcheck.adapter import Implementation


class SAM(torch.optim.Optimizer):
    """SAM in the style of davda54/sam (adaptive=True is its ASAM variant: T = |θ|, all tensors)."""

    def __init__(self, params, base_optimizer, rho=0.05, adaptive=False, **kwargs):
        defaults = dict(rho=rho, adaptive=adaptive, **kwargs)
        super().__init__(params, defaults)
        self.base_optimizer = base_optimizer(self.param_groups, **kwargs)
        self.param_groups = self.base_optimizer.param_groups
        self.defaults.update(self.base_optimizer.defaults)

    @torch.no_grad()
    def first_step(self, zero_grad=False):
        grad_norm = self._grad_norm()
        for group in self.param_groups:
            scale = group["rho"] / (grad_norm + 1e-12)
            for p in group["params"]:
                if p.grad is None:
                    continue
                self.state[p]["old_p"] = p.data.clone()
                e_w = (torch.pow(p, 2) if group["adaptive"] else 1.0) * p.grad * scale.to(p)
                p.add_(e_w)  # climb to the local maximum "w + e(w)"
        if zero_grad:
            self.zero_grad()

    @torch.no_grad()
    def second_step(self, zero_grad=False):
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                p.data = self.state[p]["old_p"]  # get back to "w" from "w + e(w)"
        self.base_optimizer.step()  # the actual "sharpness-aware" update
        if zero_grad:
            self.zero_grad()

    def _grad_norm(self):
        return torch.norm(
            torch.stack([
                ((torch.abs(p) if group["adaptive"] else 1.0) * p.grad).norm(p=2)
                for group in self.param_groups for p in group["params"] if p.grad is not None
            ]),
            p=2,
        )


# ---- adapter: samcheck's flat vectors <-> torch parameters ---------------------------------

def base_optimizer_of(config):
    """The torch.optim class and arguments a samcheck config names (spec/bases.md)."""
    base = config.get("base")
    if base is None:  # SGD, in the flat form
        return torch.optim.SGD, dict(lr=config["learningRate"], momentum=config["momentum"], dampening=config["dampening"],
                                     weight_decay=config["weightDecay"], nesterov=config["nesterov"])
    adam = dict(lr=config["learningRate"], betas=(base["beta1"], base["beta2"]), eps=base["epsilon"],
                weight_decay=config["weightDecay"], amsgrad=base["amsgrad"])
    return {"adam": torch.optim.Adam, "adamw": torch.optim.AdamW}[base["name"]], adam


def make_session_factory(dtype):
    def make_session(config, layout):
        params = [torch.nn.Parameter(torch.zeros(size, dtype=dtype)) for size in layout.sizes]
        base_class, base_kwargs = base_optimizer_of(config)
        algorithm = config["algorithm"]
        if algorithm == "sgd":
            optimizer = base_class(params, **base_kwargs)
        else:
            optimizer = SAM(params, base_class, rho=config["rho"], adaptive=(algorithm == "asam"), **base_kwargs)

        def backward(oracle):
            """What loss.backward() does, with the loss served by the harness."""
            point = torch.cat([p.detach() for p in params]).tolist()
            _, gradient = oracle.evaluate(point)
            for p, g in zip(params, layout.split(gradient)):
                p.grad = torch.tensor(g, dtype=dtype)

        class Session:
            def step(self, flat, oracle):
                with torch.no_grad():
                    for p, values in zip(params, layout.split(flat)):
                        p.copy_(torch.tensor(values, dtype=dtype))
                backward(oracle)
                if algorithm == "sgd":
                    optimizer.step()
                else:
                    optimizer.first_step(zero_grad=True)
                    backward(oracle)
                    optimizer.second_step(zero_grad=True)
                return torch.cat([p.detach() for p in params]).tolist()

        return Session()

    return make_session


def implementation(dtype="float32"):
    """This optimizer with what it supports declared (``--samcheck=samcheck.examples.torch_sam:implementation``)."""
    torch_dtype = torch.float32 if dtype == "float32" else torch.float64
    return Implementation(
        make_session_factory(torch_dtype),
        name="davda54-style torch SAM (%s)" % dtype,
        algorithms={
            "sgd": {},
            "sam": {"fixed": {"epsilon": 1e-12}},
            # davda54's adaptive=True: T = |θ| on every tensor, no η_T offset.
            "asam": {"fixed": {"epsilon": 1e-12, "etaT": 0, "adaptive": "all"}},
        },
        options={"momentum": True, "dampening": True, "nesterov": True, "weightDecay": True, "weightDecayIn": ["base"]},
        # torch.optim.Adam (coupled L2) and AdamW (decoupled), torch's own bias correction.
        bases={"adam": {"fixed": {"biasCorrection": "float64"}}, "adamw": {"fixed": {"biasCorrection": "float64"}}},
        zero_gradient="guard",
        precision=dtype,
    )


def implementation_float64():
    return implementation("float64")


def main(argv=None):
    parser = argparse.ArgumentParser(description="Serve this torch SAM to `samcheck verify --impl`.")
    parser.add_argument("--dtype", choices=["float32", "float64"], default="float32")
    args = parser.parse_args(argv)
    return implementation(args.dtype).serve()


if __name__ == "__main__":
    sys.exit(main())
