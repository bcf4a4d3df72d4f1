"""What the end-to-end checkers share: a check that reports a failure and
counts it, and whether any has failed."""

_failures = 0


def check(cond, what):
    """Print FAIL: what unless cond; returns cond."""
    global _failures
    if not cond:
        print("FAIL: " + what)
        _failures += 1
    return cond


def failed():
    """How many checks have failed so far."""
    return _failures
