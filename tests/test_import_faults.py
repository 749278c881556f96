"""Faults while importing (issue 9): another import at work, an import killed midway, a full disk, a
content folder that cannot be written, leftovers of an interrupted import, workers whose parent dies.
Each gives its exact message and exit status and leaves content/ unchanged or complete."""

import errno
import fcntl
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from scripts.sources import write as importer
from tests.conftest import ROOT, TELEGRAM_SEED
from tests.test_hostile_import import assert_complete, refused, run, snapshot

WRITE_EXPECTED = ("(expected a content folder this user can write to, on a disk with free space; every post folder "
                  "written before is complete, none is half-written: run the import again)")
SEED_POSTS = ["a-historical-meeting-on-the-elbe", "every-year-on-may-9-we", "otd-in-1944-soviet-forces-launched",
              "s-dnem-velikoy-pobedy"]


@pytest.fixture
def content(tmp_path) -> Path:
    root = tmp_path / "content"
    root.mkdir()
    return root


def many_posts(path: Path, n: int) -> Path:
    """A saved channel page of n short posts, each its own text."""
    path.write_text("".join(f"Forwarded from Channel {i % 7}\nPost number {i} tells its own story of the war.\n"
                            for i in range(n)), encoding="utf-8")
    return path


def post_folders(root: Path) -> list[str]:
    return sorted(p.name for p in (root / "posts").iterdir()) if (root / "posts").is_dir() else []


def cli(*args, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "scripts", *map(str, args)], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kw)


# --- the lock ----------------------------------------------------------------------------------------


def test_a_second_import_refuses_while_one_holds_the_lock(content, capsys):
    with open(content / ".import.lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        held.write("pid 4242, started 2026-12-01 10:00:00 UTC\n")
        held.flush()
        assert refused(capsys, content, TELEGRAM_SEED) == (
            "content/.import.lock: another import is writing to this content folder (pid 4242, started 2026-12-01 "
            "10:00:00 UTC) (expected one import at a time: run this one again when that one has finished)")
    assert run(capsys, content, TELEGRAM_SEED)[0] == 0  # released: the next one runs
    assert post_folders(content) == SEED_POSTS
    assert (content / ".import.lock").read_bytes() == b""  # empty again once the import is over


def test_two_imports_at_once_lose_nothing(content, tmp_path):
    page = many_posts(tmp_path / "page.txt", 1500)
    first, second = [cli("--content", content, "import", page) for _ in range(2)]  # both started at once
    results = [(p.returncode, *out) for p in (first, second) if (out := p.communicate(timeout=600))]
    created = [r for r in results if r[0] == 0 and "1500 created" in r[1]]
    assert len(created) == 1, results
    [other] = [r for r in results if r is not created[0]]
    refusal = ("error: content/.import.lock: another import is writing to this content folder (pid ")
    assert (other[0] == 1 and other[2].startswith(refusal)) or (other[0] == 0 and "0 created, 0 overwritten, 1500 skipped" in other[1])
    assert len(post_folders(content)) == 1500
    assert_complete(content)


# --- killed midway, and what the next import repairs ----------------------------------------------------


def test_an_import_killed_midway_is_repaired_by_the_next(content, tmp_path, capsys):
    page = many_posts(tmp_path / "page.txt", 3000)
    proc = cli("--content", content, "import", page, start_new_session=True)
    deadline = time.monotonic() + 300
    while len(post_folders(content)) < 20 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done = [n for n in post_folders(content) if not n.startswith(".")]
    assert 0 < len(done) < 3000, "the import was not stopped midway"
    code, out, err = run(capsys, content, page)
    assert code == 0, err
    assert f"{3000 - len(done)} created, 0 overwritten, {len(done)} skipped" in out
    assert len(post_folders(content)) == 3000
    assert_complete(content)


def test_a_staging_folder_left_behind_is_removed(content, capsys):
    stale = content / "posts" / ".staging-half-a-post"
    stale.mkdir(parents=True)
    (stale / "meta.yml").write_text("date: '2023-05-09'\n", encoding="utf-8")
    code, out, _ = run(capsys, content, TELEGRAM_SEED)
    assert code == 0
    assert out.startswith("repaired: removed content/posts/.staging-half-a-post (a post an interrupted import had "
                          "not finished)\n")
    assert out.endswith("4 created, 0 overwritten, 0 skipped, 4 need attention, 1 repaired\n")
    assert post_folders(content) == SEED_POSTS
    assert_complete(content)


def test_a_folder_swapped_halfway_is_put_back(content, capsys):
    assert run(capsys, content, TELEGRAM_SEED)[0] == 0
    posts = content / "posts"
    os.rename(posts / "every-year-on-may-9-we", posts / ".old-every-year-on-may-9-we")
    (posts / ".staging-every-year-on-may-9-we").mkdir()
    code, out, _ = run(capsys, content, TELEGRAM_SEED)
    assert code == 0
    assert out.startswith(
        "repaired: restored content/posts/every-year-on-may-9-we from .old-every-year-on-may-9-we (an import was "
        "interrupted while replacing it)\nrepaired: removed content/posts/.staging-every-year-on-may-9-we (a post an "
        "interrupted import had not finished)\n")
    assert "0 created, 0 overwritten, 4 skipped" in out
    assert post_folders(content) == SEED_POSTS
    assert_complete(content)


def test_an_old_copy_beside_its_replacement_is_removed(content, capsys):
    assert run(capsys, content, TELEGRAM_SEED)[0] == 0
    posts = content / "posts"
    old = posts / ".old-every-year-on-may-9-we"
    old.mkdir()
    (old / "meta.yml").write_text("lang: en\n", encoding="utf-8")
    code, out, _ = run(capsys, content, TELEGRAM_SEED)
    assert code == 0 and out.startswith(
        "repaired: removed content/posts/.old-every-year-on-may-9-we (the old copy of every-year-on-may-9-we, left by "
        "an interrupted import)\n")
    assert_complete(content)


def test_temporary_files_left_behind_are_removed(content, capsys):
    assert run(capsys, content, TELEGRAM_SEED)[0] == 0
    (content / "posts" / "every-year-on-may-9-we" / ".tmp-abc.md").write_text("half", encoding="utf-8")
    (content / "sources" / ".tmp-xyz").write_bytes(b"half")
    code, out, _ = run(capsys, content, TELEGRAM_SEED)
    assert code == 0
    assert out.startswith(
        "repaired: removed content/sources/.tmp-xyz (a temporary file left by an interrupted import)\n"
        "repaired: removed content/posts/every-year-on-may-9-we/.tmp-abc.md (a temporary file left by an "
        "interrupted import)\n")
    assert_complete(content)


def test_a_folder_with_meta_but_no_original_is_imported_again(content, capsys):
    """What the old importer left when killed between meta.yml and en.md: not 'already imported'."""
    assert run(capsys, content, TELEGRAM_SEED)[0] == 0
    folder = content / "posts" / "every-year-on-may-9-we"
    original = (folder / "en.md").read_bytes()
    (folder / "en.md").unlink()
    (folder / "ru.md").write_text("---\ntitle: Каждый год\ntranslation_of: en\n---\n\nПеревод.\n", encoding="utf-8")
    code, out, _ = run(capsys, content, TELEGRAM_SEED)
    assert code == 0
    assert (f"repaired: content/posts/every-year-on-may-9-we ({TELEGRAM_SEED.name} item 3): it had meta.yml but no "
            "en.md (an interrupted import): imported again, its other files kept\n") in out
    assert "0 created, 0 overwritten, 3 skipped" in out
    assert (folder / "en.md").read_bytes() == original
    assert (folder / "ru.md").read_text(encoding="utf-8").endswith("Перевод.\n")
    assert_complete(content)


# --- a full disk, a folder that cannot be written ----------------------------------------------------------


def test_a_full_disk_midway_leaves_every_post_complete_or_absent(content, capsys, monkeypatch):
    calls = {"n": 0}
    real = importer._replace_file

    def full(path, data, **kw):
        calls["n"] += 1
        if calls["n"] == 5:  # the second post's second file
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        real(path, data, **kw)

    monkeypatch.setattr(importer, "_replace_file", full)
    code, out, err = run(capsys, content, TELEGRAM_SEED)
    assert code == 1 and out == ""
    assert err == f"error: content/posts/s-dnem-velikoy-pobedy/tr.md: cannot write: No space left on device {WRITE_EXPECTED}\n"
    assert post_folders(content) == ["a-historical-meeting-on-the-elbe"]
    assert_complete(content)
    monkeypatch.setattr(importer, "_replace_file", real)  # space again
    code, out, _ = run(capsys, content, TELEGRAM_SEED)
    assert code == 0 and "3 created, 0 overwritten, 1 skipped" in out
    assert post_folders(content) == SEED_POSTS
    assert_complete(content)


def test_a_full_disk_while_archiving_the_source(content, capsys, monkeypatch):
    from scripts import files

    def full(fd, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files, "write_all", full)
    before = snapshot(content)
    code, out, err = run(capsys, content, TELEGRAM_SEED)
    assert code == 1
    assert err == f"error: content: cannot write: No space left on device {WRITE_EXPECTED}\n"
    after = snapshot(content)
    assert {k: v for k, v in after.items() if k != ".import.lock"} == before | {"sources": after["sources"]}


def test_a_read_only_content_folder(content, capsys, monkeypatch):
    real = os.open

    def read_only(path, flags, *args, **kw):
        if str(path).endswith(".import.lock"):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real(path, flags, *args, **kw)

    monkeypatch.setattr(os, "open", read_only)
    assert refused(capsys, content, TELEGRAM_SEED) == (
        f"content/.import.lock: cannot write: Read-only file system {WRITE_EXPECTED}")


def test_a_content_folder_under_a_regular_file(tmp_path, capsys):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    code, out, err = run(capsys, tmp_path / "file" / "content", TELEGRAM_SEED)
    assert code == 1 and out == ""
    assert err == f"error: content: cannot write: Not a directory {WRITE_EXPECTED}\n"
    assert (tmp_path / "file").read_text(encoding="utf-8") == "x"


def test_a_content_folder_that_is_a_file(tmp_path, capsys):
    (tmp_path / "content").write_text("x", encoding="utf-8")
    code, out, err = run(capsys, tmp_path / "content", TELEGRAM_SEED)
    assert code == 1 and out == ""
    assert err == f"error: content: cannot write: File exists {WRITE_EXPECTED}\n"
    assert (tmp_path / "content").read_text(encoding="utf-8") == "x"


def test_a_refused_import_leaves_no_lock_file_behind(content, tmp_path, capsys):
    fifo = tmp_path / "p.txt"
    os.mkfifo(fifo)
    assert refused(capsys, content, fifo).endswith("is a named pipe (FIFO), not a regular file (expected a saved page or a result.json)")
    assert list(content.iterdir()) == []  # input is checked before the lock is taken


# --- workers ---------------------------------------------------------------------------------------

ORPHAN = """
import os, sys, time
sys.path.insert(0, {root!r})
from scripts import parallel
def sleep(n):
    open(os.path.join({pids!r}, str(os.getpid())), "w").close()
    time.sleep(600)
parallel.run_shares(sleep, [1, 2], None, parallel=True)
"""


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_workers_die_when_their_parent_is_killed(tmp_path):
    pids = tmp_path / "pids"
    pids.mkdir()
    proc = subprocess.Popen([sys.executable, "-c", ORPHAN.format(root=str(ROOT), pids=str(pids))])
    deadline = time.monotonic() + 60
    while len(os.listdir(pids)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = [int(n) for n in os.listdir(pids)]
    assert len(workers) == 2 and all(_running(p) for p in workers)
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 30
    while any(_running(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    alive = [p for p in workers if _running(p)]
    for p in alive:
        os.kill(p, signal.SIGKILL)
    assert alive == []
