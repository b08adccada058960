#!/usr/bin/env python3
"""DDP SAM done right, per replica: each rank perturbs along its own shard gradient (m-SAM with m =
the per-rank batch, as google-research/sam does by default and as the SAM paper describes). The
first forward AND backward run under ``no_sync``, so the ascent gradient is never all-reduced;
the second pass is all-reduced as usual.

    samcheck verify --world-size 4 --impl "/usr/bin/python3 python/examples/ddp_sam_per_replica.py"
"""
import sys

from ddp_peer import serve_ddp


def sam_step(model, optimizer, forward):
    with model.no_sync():          # forward inside too: DDP arms the all-reduce in the forward
        forward().backward()       # this rank's own gradient
    optimizer.first_step(zero_grad=True)
    forward().backward()           # all-reduced gradient at each rank's own ascent point
    optimizer.second_step(zero_grad=True)


if __name__ == "__main__":
    sys.exit(serve_ddp(sam_step, name="DDP SAM, per-replica perturbation", semantics="perReplicaPerturbation"))
