"""Seed files for the harnesses that read packages (fuzz_template.c,
fuzz_report.c): a mode byte, then either a zip file as it is or the parts
the harness zips itself ("=== name" lines, each followed by its bytes)."""
import io
import os
import zipfile


def parts_seed(out, name, mode, parts):
    """The parts, each after its "=== name" line, for the harness to zip."""
    with open(os.path.join(out, name), "wb") as f:
        f.write(bytes([mode]))
        for part, data in parts:
            f.write(b"=== " + part.encode() + b"\n" + data)
            if not data.endswith(b"\n"):
                f.write(b"\n")


def zip_seed(out, name, mode, parts):
    """The parts zipped, as a file would be."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for part, data in parts:
            z.writestr(part, data)
    with open(os.path.join(out, name), "wb") as f:
        f.write(bytes([mode]) + buf.getvalue())
