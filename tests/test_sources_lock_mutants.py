"""One import at a time on a content folder (scripts/sources/lock.py): each test takes the lock on its own
content folder, and states what the lock file holds and what a second import is told, written out by hand
(issue 10, item 5: tests that notice a changed line)."""

import fcntl
import os
import re
import stat

import pytest

from scripts.content.model import ContentError
from scripts.sources.lock import import_lock

BUSY = ("another import is writing to this content folder ({}) (expected one import at a time: run this one again "
        "when that one has finished)")


def test_the_lock_creates_the_content_folder_and_says_who_holds_it(tmp_path):
    root = tmp_path / "new" / "content"
    with import_lock(root):
        text = (root / ".import.lock").read_text(encoding="utf-8")
        assert re.fullmatch(rf"pid {os.getpid()}, started \d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d UTC\n", text)
    assert (root / ".import.lock").read_bytes() == b""  # empty again: content/ as it was


def test_a_second_import_is_refused_at_once_naming_the_first(tmp_path):
    root = tmp_path / "content"
    with import_lock(root):
        holder = (root / ".import.lock").read_text(encoding="utf-8").strip()
        with pytest.raises(ContentError) as e, import_lock(root):
            pytest.fail("a second import got the lock")
        assert str(e.value) == "content/.import.lock: " + BUSY.format(holder)
        assert (root / ".import.lock").read_text(encoding="utf-8").strip() == holder  # the first one's still
    with import_lock(root):  # free again once the first has finished
        pass


def test_a_holder_that_wrote_nothing_is_an_import(tmp_path):
    root = tmp_path / "content"
    root.mkdir()
    fd = os.open(root / ".import.lock", os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(ContentError) as e, import_lock(root):
            pass
        assert str(e.value) == "content/.import.lock: " + BUSY.format("an import")
    finally:
        os.close(fd)


def test_the_lock_is_released_when_the_import_fails(tmp_path):
    root = tmp_path / "content"
    with pytest.raises(RuntimeError), import_lock(root):
        raise RuntimeError("the import failed")
    assert (root / ".import.lock").read_bytes() == b""
    with import_lock(root):
        assert (root / ".import.lock").read_text(encoding="utf-8").startswith(f"pid {os.getpid()}, started ")


def test_a_longer_text_left_in_the_lock_file_is_replaced(tmp_path):
    root = tmp_path / "content"
    root.mkdir()
    (root / ".import.lock").write_text("x" * 300 + "\n", encoding="utf-8")
    with import_lock(root):
        assert (root / ".import.lock").read_text(encoding="utf-8").startswith(f"pid {os.getpid()}, started ")
        assert "x" not in (root / ".import.lock").read_text(encoding="utf-8")


def test_the_lock_file_gets_the_mode_of_the_umask(tmp_path):
    old = os.umask(0o027)
    try:
        with import_lock(tmp_path / "content"):
            pass
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(tmp_path / "content" / ".import.lock").st_mode) == 0o640


def test_the_lock_file_descriptor_is_closed_afterwards(tmp_path):
    before = len(os.listdir("/proc/self/fd"))
    with import_lock(tmp_path / "content"):
        assert len(os.listdir("/proc/self/fd")) == before + 1
    assert len(os.listdir("/proc/self/fd")) == before
    with pytest.raises(ContentError), import_lock(tmp_path / "content"), import_lock(tmp_path / "content"):
        pass
    assert len(os.listdir("/proc/self/fd")) == before
