#!/usr/bin/env python3
"""DDP SAM with a synced perturbation: both passes are all-reduced, so every rank ascends along the
global-batch gradient (SAM over the global batch, as google-research/sam with
--sync_perturbations; the per-replica form is m-SAM instead).

    samcheck verify --world-size 4 --impl "/usr/bin/python3 python/examples/ddp_sam_synced.py"
"""
import sys

from ddp_peer import serve_ddp


def sam_step(model, optimizer, forward):
    forward().backward()           # all-reduced: the global-batch gradient on every rank
    optimizer.first_step(zero_grad=True)
    forward().backward()
    optimizer.second_step(zero_grad=True)


if __name__ == "__main__":
    sys.exit(serve_ddp(sam_step, name="DDP SAM, synced perturbation", semantics="synced"))
