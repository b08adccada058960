"""Worked examples: ``python -m samcheck.examples.torch_sam`` serves a davda54-style torch SAM."""
