"""One samcheck rank = one torch.distributed process training a DistributedDataParallel model
whose loss the harness serves over this rank's shard of the global batch. The DDP examples next
to this file define only their SAM step and call ``serve_ddp``::

    samcheck verify --world-size 4 --impl "/usr/bin/python3 python/examples/ddp_sam_per_replica.py"

samcheck starts every rank with torchrun's variables (RANK, WORLD_SIZE, MASTER_ADDR,
MASTER_PORT), so ``init_process_group("gloo")`` rendezvouses exactly as under torchrun: on
loopback here, across machines when MASTER_ADDR is rank 0's host (spec/protocol.md §3.2).
"""
import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [os.path.join(HERE, ".."), HERE]
from samcheck_adapter import serve  # noqa: E402
from torch_sam import SAM  # noqa: E402  (davda54-style first_step / second_step)

import torch  # noqa: E402
import torch.distributed as dist  # noqa: E402
from torch.nn.parallel import DistributedDataParallel  # noqa: E402


class ServedLoss(torch.autograd.Function):
    """This rank's loss at the parameters, served by the harness: one request per forward (value
    and gradient together). Backward hands the served gradient to autograd, where DDP's hooks
    all-reduce it, unless the forward ran under ``no_sync``."""

    @staticmethod
    def forward(ctx, oracle, layout, *tensors):
        point = torch.cat([t.detach().reshape(-1) for t in tensors]).tolist()
        value, gradient = oracle.evaluate(point)
        ctx.gradients = [torch.tensor(g, dtype=tensors[0].dtype) for g in layout.split(gradient)]
        return torch.tensor(value, dtype=tensors[0].dtype)

    @staticmethod
    def backward(ctx, grad_output):
        return (None, None, *[grad_output * g for g in ctx.gradients])


class ServedModel(torch.nn.Module):
    """A model whose parameters are the layout's tensors and whose loss the harness serves."""

    def __init__(self, layout, dtype):
        super().__init__()
        self.layout = layout
        self.tensors = torch.nn.ParameterList([torch.nn.Parameter(torch.zeros(size, dtype=dtype)) for size in layout.sizes])

    def forward(self, oracle):
        return ServedLoss.apply(oracle, self.layout, *self.tensors)


def serve_ddp(sam_step, name, semantics):
    """Serve ``sam_step(model, optimizer, forward)`` as one rank. ``model`` is the DDP model,
    ``optimizer`` a davda54-style SAM over torch.optim.SGD, ``forward()`` one forward pass (the
    loss tensor). ``semantics`` is what the step means to implement: "perReplicaPerturbation"
    or "synced" (spec/family.md §4). SGD steps are plain DDP SGD."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--dtype", choices=["float32", "float64"], default="float32")
    dtype = torch.float32 if parser.parse_args().dtype == "float32" else torch.float64
    dist.init_process_group("gloo")  # env://: the variables samcheck set for this rank

    def make_session(config, layout):
        model = DistributedDataParallel(ServedModel(layout, dtype))
        sgd = dict(lr=config["learningRate"], momentum=config["momentum"], dampening=config["dampening"],
                   weight_decay=config["weightDecay"], nesterov=config["nesterov"])
        if config["algorithm"] == "sgd":
            optimizer = torch.optim.SGD(model.parameters(), **sgd)
        else:
            optimizer = SAM(model.parameters(), torch.optim.SGD, rho=config["rho"], **sgd)

        class Session:
            def step(self, flat, oracle):
                with torch.no_grad():
                    for p, values in zip(model.module.tensors, layout.split(flat)):
                        p.copy_(torch.tensor(values, dtype=dtype))
                if config["algorithm"] == "sgd":
                    model(oracle).backward()
                    optimizer.step()
                    optimizer.zero_grad()
                else:
                    sam_step(model, optimizer, lambda: model(oracle))
                return torch.cat([p.detach() for p in model.module.tensors]).tolist()

        return Session()

    try:
        return serve(
            make_session,
            name=name,
            algorithms={"sgd": {}, "sam": {"fixed": {"epsilon": 1e-12}}},
            options={"momentum": True, "dampening": True, "nesterov": True, "weightDecay": True, "weightDecayIn": ["base"]},
            precision="float32" if dtype == torch.float32 else "float64",
            distributed={"semantics": semantics, "rank": dist.get_rank(), "worldSize": dist.get_world_size()},
        )
    finally:
        dist.destroy_process_group()
