"""Writing files: atomically (content/, through a temporary file and a rename) or only when changed (docs/)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

TMP_PREFIX = ".tmp-"  # a temporary file a killed writer left: the next import removes it


def file_mode() -> int:
    """The mode a new file gets from the umask (mkstemp's own is 0600, whatever the umask)."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path: Path, text: str) -> bool:
    """Write text to path through a temporary file and a rename; False if the file already held it."""
    path = Path(path)
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except (OSError, UnicodeDecodeError):
        pass
    write_bytes_atomic(path, text.encode("utf-8"))
    return True


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write bytes to path through a temporary file beside it and a rename: a reader (or a killed
    writer) sees the old file or the new one, never a part."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=TMP_PREFIX, suffix=path.suffix)
    try:
        try:
            os.fchmod(fd, file_mode())
            write_all(fd, data)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write_all(fd: int, data: bytes) -> None:
    """os.write until every byte is written (a full disk raises OSError ENOSPC here)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def write_if_changed(path: Path, text: str) -> bool:
    """Write generated output unless the file already holds it; True if it wrote. Not atomic: output
    is made again from content/ whenever a run did not finish (see generate's digest)."""
    data = text.encode("utf-8")
    try:
        with open(path, "rb") as f:
            if f.read() == data:
                return False
    except FileNotFoundError:
        pass
    try:
        f = open(path, "wb")
    except FileNotFoundError:  # a new folder (most new pages go to folders that exist)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        f = open(path, "wb")
    with f:
        f.write(data)
    return True
