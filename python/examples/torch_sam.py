#!/usr/bin/env python3
"""In-repository path of samcheck.examples.torch_sam (``python -m samcheck.examples.torch_sam`` after pip install)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from samcheck.examples.torch_sam import SAM, base_optimizer_of, implementation, main, make_session_factory  # noqa: E402,F401

if __name__ == "__main__":
    sys.exit(main())
