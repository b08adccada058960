"""samcheck for Python: serve a SAM implementation to ``samcheck verify`` (samcheck-protocol/1), replay the
packaged conformance vectors offline (``samcheck.vectors.check``), and a pytest plugin
(``pytest --samcheck=module:factory``). Standard library only; spec/python.md."""
from ._version import PROTOCOL, __version__
from .adapter import Implementation, Layout, Oracle, serve

__all__ = ["PROTOCOL", "__version__", "Implementation", "Layout", "Oracle", "serve"]
