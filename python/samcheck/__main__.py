"""``python -m samcheck serve module:factory``: the ``--impl`` command for a factory the pytest plugin also takes."""
import sys

from .load import load_implementation


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2 or argv[0] != "serve":
        sys.stderr.write("usage: python -m samcheck serve module:factory\n")
        return 2
    return load_implementation(argv[1]).serve()


if __name__ == "__main__":
    sys.exit(main())
