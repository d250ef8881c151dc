"""``python -m postparse``: the postparse command line (``postparse --help``), run in-process."""

import signal
import sys

from . import _core


def main() -> int:
    """Runs the command with this process's arguments; returns its exit status."""
    sys.stdout.flush()
    sys.stderr.flush()
    # The command runs in native code for its whole length: Ctrl-C ends it as
    # it ends the standalone command, not through Python's handler (which
    # would only note the signal).
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    return int(_core.cli_main(["postparse"] + sys.argv[1:]))


if __name__ == "__main__":
    sys.exit(main())
