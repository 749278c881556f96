"""Same content, same output: docs/ byte for byte; site/ too, with SOURCE_DATE_EPOCH pinning the build date."""

import hashlib
import subprocess
import sys
from pathlib import Path

from scripts.site import generate as gen
from scripts.sources.write import import_paths
from tests.conftest import GALLERY_SEED, TELEGRAM_SEED, copy_project


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_import_order_does_not_change_output(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    import_paths([TELEGRAM_SEED, GALLERY_SEED], a)
    import_paths([GALLERY_SEED], b)
    import_paths([TELEGRAM_SEED], b)
    assert digest(a) == digest(b)
    for out, content in ((tmp_path / "da", a), (tmp_path / "db", b)):
        gen.generate(content, out)
    assert digest(tmp_path / "da") == digest(tmp_path / "db")


def test_two_builds_are_identical(tmp_path):
    """...and one of them builds the last language in a second process (scripts/site/language_builds.py)."""
    sites = []
    for n in (1, 2):
        work = copy_project(tmp_path / f"w{n}")
        proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=work, capture_output=True,
                              text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin",
                                              "SOURCE_DATE_EPOCH": "1714000000",
                                              "ARCHIVE_PARALLEL_LANGUAGES": "never" if n == 1 else "always"})
        assert proc.returncode == 0, proc.stderr
        assert ("in a second process" in proc.stderr) == (n == 2), proc.stderr
        sites.append(work)
    assert digest(sites[0] / "docs") == digest(sites[1] / "docs")
    first, second = digest(sites[0] / "site"), digest(sites[1] / "site")
    assert sorted(first) == sorted(second)
    differ = [path for path in first if first[path] != second[path]]
    assert differ == []


def test_a_dirty_rebuild_after_an_edit_equals_a_clean_build(tmp_path):
    """`mkdocs build --dirty` (the bench's no-change rebuild, and a contributor's quick rebuild after an edit)
    rebuilds only the pages whose Markdown changed; since generate rewrites every page an edit reaches, the
    site it leaves is the clean build's, file for file."""
    work = copy_project(tmp_path / "w")
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": "1714000000"}

    def build(*args):
        proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", *args], cwd=work, capture_output=True,
                              text=True, env=env)
        assert proc.returncode == 0, proc.stderr
        return proc.stderr

    build("--strict")
    page = work / "content" / "posts" / "meeting-on-the-elbe" / "en.md"
    text = page.read_text(encoding="utf-8")
    edited = text.replace("\ntitle: ", "\ntitle: Edited, ", 1)
    assert edited != text
    saved = tmp_path / "en.md"
    saved.write_text(edited, encoding="utf-8")
    saved.replace(page)
    assert "A 'dirty' build" in build("--dirty")
    dirty = digest(work / "site")
    build("-d", str(tmp_path / "clean"))
    clean = digest(tmp_path / "clean")
    assert sorted(dirty) == sorted(clean)
    assert [path for path in clean if clean[path] != dirty[path]] == []
    assert "Edited, " in (work / "site" / "posts" / "meeting-on-the-elbe" / "index.html").read_text(encoding="utf-8")
