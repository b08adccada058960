#!/usr/bin/env python3
"""The common mistake (davda54/sam's README multi-GPU tip, davda54/sam#78): only the first backward
is under ``no_sync``. DDP decides in the forward whether the next backward all-reduces, so the
ascent gradient is all-reduced after all: the step is synced SAM, not the per-replica SAM it
declares. samcheck catches it and names the semantics it does implement.

    samcheck verify --world-size 4 --impl "/usr/bin/python3 python/examples/ddp_sam_forward_outside_no_sync.py"
"""
import sys

from ddp_peer import serve_ddp


def sam_step(model, optimizer, forward):
    loss = forward()               # outside no_sync: the all-reduce is already armed
    with model.no_sync():
        loss.backward()            # all-reduced anyway
    optimizer.first_step(zero_grad=True)
    forward().backward()
    optimizer.second_step(zero_grad=True)


if __name__ == "__main__":
    sys.exit(serve_ddp(sam_step, name="DDP SAM, forward outside no_sync", semantics="perReplicaPerturbation"))
