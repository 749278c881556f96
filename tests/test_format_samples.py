"""CONTRIBUTING.md's "What each format gives" shows, for each format the importer reads, a sample input
and what the importer printed and wrote: each sample is imported again here, and the section must hold
its input, the printed lines and the two files exactly (so the documentation cannot drift from the code)."""

import contextlib
import io
import shutil
from pathlib import Path

import pytest

from scripts.cli import main
from scripts.content.schema import SOURCE_KINDS

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "fixtures" / "sources" / "samples"
GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
SECTION = GUIDE[GUIDE.index("### What each format gives"):GUIDE.index("## 2. Translating a post")]
GIVEN = {"saved-page.txt": "saved-page.txt", "channel.html": "channel.html", "channel-copy.txt": "channel-copy.txt",
         "ChatExport_2023-05-10": "ChatExport_2023-05-10/messages.html", "DataExport": "DataExport/result.json",
         "gallery.txt": "gallery.txt", "article.html": "article.html"}


@pytest.mark.parametrize("given", list(GIVEN))
def test_the_guide_shows_what_the_importer_writes(tmp_path, given):
    src = SAMPLES / given
    (shutil.copytree if src.is_dir() else shutil.copy)(src, tmp_path / given)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        assert main(["--content", str(tmp_path / "content"), "import", str(tmp_path / given)]) == 0
    assert (SAMPLES / GIVEN[given]).read_text(encoding="utf-8").rstrip() + "\n```" in SECTION
    assert f"$ python -m scripts import {given}\n{printed.getvalue().rstrip()}\n```" in SECTION
    [post] = (tmp_path / "content" / "posts").iterdir()
    for f in [post / "meta.yml", *post.glob("*.md")]:
        assert f"`content/posts/{post.name}/{f.name}`:\n\n" in SECTION
        assert f"\n{f.read_text(encoding='utf-8').rstrip()}\n```" in SECTION, f.name


def test_every_kind_an_importer_writes_has_a_sample():
    shown = {kind for kind in SOURCE_KINDS if f"(`{kind}`)" in SECTION}
    assert shown == set(SOURCE_KINDS) - {"manual"}  # manual posts are written by hand (python -m scripts new)
