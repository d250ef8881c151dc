"""``python -m postparse``: the postparse command line (``postparse --help``), run in-process."""

import sys

from . import _core


def main() -> int:
    """Runs the command with this process's arguments; returns its exit status."""
    sys.stdout.flush()
    sys.stderr.flush()
    return int(_core.cli_main(["postparse"] + sys.argv[1:]))


if __name__ == "__main__":
    sys.exit(main())
