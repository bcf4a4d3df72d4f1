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


def package_parts(path):
    """(name, bytes) of each part of a DOCX or ODT; an XML part's bytes are
    followed by its text with the tags taken out, so that text split into
    runs or around a bookmark is found whole."""
    import re
    import zipfile
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            data = z.read(name)
            if name.endswith(".xml"):
                data += b"\n" + re.sub(rb"<[^>]+>", b"", data)
            yield name, data
