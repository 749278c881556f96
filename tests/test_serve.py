"""`mkdocs serve` while a contributor edits: one save, one rebuild, the new text on the page."""

import os
import re
import subprocess
import sys
import time
import urllib.request

import pytest

from scripts.bench.serve import free_port as _free_port, get
from tests.conftest import copy_project

POST = "meeting-on-the-elbe"


def _get(url: str) -> str:
    return get(url, timeout=5)


def _wait(predicate, seconds: float, what: str):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}")


def _builds_finished(text: str) -> int:
    """The builds a serve log shows finished: the first one, once the server is up, and each rebuild,
    which the live-reload server ends with "Reloading browsers" or with its error line. Not "Documentation
    built in N seconds": MkDocs' duplicate filter drops that line when a rebuild takes as long as an
    earlier one to the hundredth of a second."""
    return (("Serving on" in text) + text.count("Reloading browsers")
            + text.count("An error happened during the rebuild"))


def _wait_quiet(log, seconds: float, quiet: float = 2.0):
    """Until every build the log has begun has finished and the log has not changed for `quiet` seconds
    (four of MkDocs' polls), in place of a fixed sleep: as short as the machine allows, as long as it needs."""
    end = time.monotonic() + seconds
    last, since = None, time.monotonic()
    while time.monotonic() < end:
        text = log()
        if text != last:
            last, since = text, time.monotonic()
        elif (time.monotonic() - since >= quiet
              and text.count("Building documentation") == _builds_finished(text)):
            return
        time.sleep(0.1)
    pytest.fail(f"the log of mkdocs serve did not settle in {seconds} s:\n{log()}")


@pytest.fixture(params=[False, True], ids=["serve", "serve --dirty"])
def served(tmp_path, request):
    work = copy_project(tmp_path / "site")
    port = _free_port()
    log = open(tmp_path / "serve.log", "w+", encoding="utf-8")
    dirty = ["--dirty"] if request.param else []
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", *dirty], cwd=work,
                            stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        yield work, f"http://127.0.0.1:{port}", lambda: (tmp_path / "serve.log").read_text(encoding="utf-8"), request.param
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


def test_an_edit_rebuilds_once_and_shows_on_the_page(served):
    work, origin, log, dirty = served
    page = f"{origin}/ru/posts/{POST}/"
    _wait(lambda: "<h1" in _get(page), 120, "the first build")
    indexes = {lang: _search_titles(origin, lang) for lang in ("", "ru/", "tr/")}
    assert all(indexes.values()), indexes
    original = work / "content" / "posts" / POST / "en.md"
    for n in (1, 2):
        text = original.read_text(encoding="utf-8")
        edited = re.sub(r"(?m)^title: .*$", f"title: Edited while serving {n}", text, count=1)
        assert edited != text
        # Saved as editors save: a new file (outside the watched folders) renamed over the old one. A
        # plain rewrite can be seen half-written by MkDocs' poller on a busy machine: two rebuilds.
        saved = work.parent / "en.md.saved"
        saved.write_text(edited, encoding="utf-8")
        os.replace(saved, original)
        _wait(lambda: f"Edited while serving {n}" in _get(f"{origin}/posts/{POST}/"), 120, "the edit on the page")
        _wait_quiet(log, 60)  # MkDocs polls twice a second: a rebuild the first one caused would show by then
        assert log().count("Building documentation") == 1 + n, log()  # the first build and one per edit
        # Each language's search index holds each post once, the edited one with its new title.
        _wait(lambda: f"Edited while serving {n}" in _search_titles(origin, ""), 120, "the edit in the search index")
        if dirty:  # the index is written again in the background: let it finish every language
            _wait(lambda: log().count("search (Pagefind) indexed again") >= n, 120, "the background indexing")
        after = {lang: _search_titles(origin, lang) for lang in indexes}
        assert {lang: len(titles) for lang, titles in after.items()} == {lang: len(titles) for lang, titles in indexes.items()}


def _get_bytes(url: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read()
    except OSError:
        return b""


def _search_titles(origin: str, lang: str) -> list:
    """The titles of the pages in a language's Pagefind index, read over HTTP: the entry file names the
    metadata, whose page hashes name the fragments (gzip, a 12-byte signature, JSON)."""
    import gzip
    import json

    entry = _get(f"{origin}/{lang}pagefind/pagefind-entry.json")
    if not entry:
        return []
    (info,) = json.loads(entry)["languages"].values()
    meta = _get_bytes(f"{origin}/{lang}pagefind/pagefind.{info['hash']}.pf_meta")
    titles = []
    for page in sorted(set(re.findall(rb"[a-z]{2}_[0-9a-f]{7,}", gzip.decompress(meta) if meta else b""))):
        fragment = _get_bytes(f"{origin}/{lang}pagefind/fragment/{page.decode()}.pf_fragment")
        if fragment:  # the metadata also names index chunks
            titles.append(json.loads(gzip.decompress(fragment)[12:])["meta"]["title"])
    return sorted(titles)


def test_a_rebuild_counts_as_finished_without_its_timing_line():
    """The log of a CI run: the second rebuild took 1.13 s like the first, so MkDocs' duplicate filter
    dropped its "Documentation built in 1.13 seconds"; the live-reload server's line still ends it."""
    first = ("INFO - Building documentation...\nINFO - Documentation built in 1.96 seconds\n"
             "INFO - [03:23:49] Serving on http://127.0.0.1:46151/\n")
    rebuild = "INFO - Detected file changes\nINFO - Building documentation...\n"
    done = rebuild + "INFO - Documentation built in 1.13 seconds\nINFO - [03:23:51] Reloading browsers\n"
    log = first + done + rebuild + "INFO - [03:23:55] Reloading browsers\n"
    assert _builds_finished(log) == log.count("Building documentation") == 3
    assert _builds_finished(first + done + rebuild) == 2  # a rebuild still running is not finished
    assert _builds_finished("INFO - Building documentation...\nINFO - Documentation built in 1.96 seconds\n") == 0
    failed = first + rebuild + "ERROR - An error happened during the rebuild. The server will appear stuck\n"
    assert _builds_finished(failed) == 2
