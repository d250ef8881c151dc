"""The CLI test scripts' way to fail: a message on standard error, exit status 1."""
import sys


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)
