"""One import at a time on a content folder: an exclusive lock on content/.import.lock (fcntl.flock).

A second import refuses at once, saying who holds the lock, rather than waiting: an import takes
seconds to minutes, and one that waited would then find the first one's posts and skip them anyway.
The lock is the kernel's, on the open file: it is released when the import ends, however it ends
(kill -9 too), so a stale lock file never blocks anyone; the file itself stays, empty (it is in
.gitignore)."""

from __future__ import annotations

import datetime as dt
import fcntl
import os
from contextlib import contextmanager
from pathlib import Path

from ..content.model import ContentError
from ..files import file_mode

LOCK_NAME = ".import.lock"


@contextmanager
def import_lock(root: Path):
    """Hold the content folder's import lock for the block; ContentError if another import holds it."""
    root.mkdir(parents=True, exist_ok=True)
    path = root / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, file_mode())
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "an import"
            raise ContentError(Path(root.name) / LOCK_NAME, None,
                               f"another import is writing to this content folder ({holder}) (expected one import "
                               "at a time: run this one again when that one has finished)") from None
        started = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}, started {started}\n".encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)  # empty when no import holds it: content/ is the same after as before
    finally:
        os.close(fd)
