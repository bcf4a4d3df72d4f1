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


def link_target(reader, annot):
    """The page (1-based) an internal link of a pypdf reader's PDF goes to,
    or None."""
    dest = annot.get("/Dest")
    action = annot.get("/A")
    if dest is None and action is not None and action.get("/S") == "/GoTo":
        dest = action.get("/D")
    if dest is None:
        return None
    if isinstance(dest, (str, bytes)) or hasattr(dest, "decode"):
        named = reader.named_destinations.get(str(dest))
        return reader.get_destination_page_number(named) + 1 if named else None
    page = dest[0].get_object()
    for number, p in enumerate(reader.pages, 1):
        if p.get_object().indirect_reference == page.indirect_reference:
            return number
    return None
