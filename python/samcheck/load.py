"""``module:factory`` → an Implementation (the factory is one, or a callable returning one)."""
import importlib

from .adapter import Implementation


def load_implementation(spec):
    module_name, sep, attribute = spec.partition(":")
    if not sep or not module_name or not attribute:
        raise ValueError("expected module:factory, got %r" % (spec,))
    target = getattr(importlib.import_module(module_name), attribute)
    impl = target if isinstance(target, Implementation) else target()
    if not isinstance(impl, Implementation):
        raise TypeError("%s returned %r, expected a samcheck.Implementation" % (spec, impl))
    return impl
