"""`mkdocs serve` while a contributor edits: one save, one rebuild, the new text on the page."""

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.conftest import ROOT

POST = "meeting-on-the-elbe"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait(predicate, seconds: float, what: str):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}")


@pytest.fixture
def served(tmp_path):
    work = tmp_path / "site"
    work.mkdir()
    for name in ("mkdocs.yml", "content", "scripts", "overrides"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, work / name)
    (work / "docs").mkdir()
    port = _free_port()
    log = open(tmp_path / "serve.log", "w+", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=work,
                            stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        yield work, f"http://127.0.0.1:{port}", lambda: (tmp_path / "serve.log").read_text(encoding="utf-8")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


def test_an_edit_rebuilds_once_and_shows_on_the_page(served):
    work, origin, log = served
    page = f"{origin}/ru/posts/{POST}/"
    _wait(lambda: "<h1" in _get(page), 120, "the first build")
    original = work / "content" / "posts" / POST / "en.md"
    text = original.read_text(encoding="utf-8")
    edited = re.sub(r"(?m)^title: .*$", "title: Edited while serving", text, count=1)
    assert edited != text
    original.write_text(edited, encoding="utf-8")
    # The Russian page of an English original shows the original's title until its translation changes;
    # the English page shows it at once.
    _wait(lambda: "Edited while serving" in _get(f"{origin}/posts/{POST}/"), 120, "the edit on the page")
    time.sleep(4)  # MkDocs polls twice a second: long enough for a rebuild the first one might cause
    assert log().count("Building documentation") == 2, log()  # the first build and one for the edit
