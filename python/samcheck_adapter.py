"""The old import path: ``import samcheck_adapter`` is ``samcheck.adapter`` (the same module object,
so assigning its attributes still affects ``serve``)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import samcheck.adapter  # noqa: E402

sys.modules[__name__] = samcheck.adapter
