import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# No time limit per example: Hypothesis' default (200 ms) fails a property test on a slow or cold
# machine for no fault in the code. Speed is measured by `python -m scripts bench`, not by tests.
settings.register_profile("archive", deadline=None)
settings.load_profile("archive")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def require_chromium() -> str:
    """The browser the browser tests drive (Debian's chromium, or $CHROMIUM); without it they skip, saying
    so, except under CI, where they must not go green without running."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            raise RuntimeError(f"no Chromium at {CHROMIUM}: CI runs the browser tests (apt-get install -y chromium, or set CHROMIUM=...)")
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install -y chromium, or set CHROMIUM=...)", allow_module_level=True)
    return CHROMIUM


def wait_until(page, expression: str, timeout: float = 30.0) -> None:
    """Poll a page for a JavaScript expression to be true. Not Playwright's wait_for_function: it evaluates
    its predicate with eval, which every built page's Content-Security-Policy (rightly) refuses."""
    import time

    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"not true within {timeout} s: {expression}")
        time.sleep(0.05)


SEEDS = ROOT / "content" / "sources"
TELEGRAM_SEED = SEEDS / "000_88efee662d4daa54.txt"
GALLERY_SEED = SEEDS / "001_353bd30d976f5ee4.txt"
GOLDEN_CONTENT = ROOT / "tests" / "fixtures" / "golden_content"


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true", help="rewrite tests/golden/ from the generator")


@pytest.fixture
def update_goldens(request):
    return request.config.getoption("--update-goldens")


@pytest.fixture
def golden_copy(tmp_path) -> Path:
    """A copy of the small fixture archive (one post in ru/en, a photo, a tag registry) to edit."""
    root = tmp_path / "content"
    shutil.copytree(GOLDEN_CONTENT, root)
    return root


def copy_project(work: Path, parts=("mkdocs.yml", "content", "scripts", "overrides")) -> Path:
    """The site's files copied into `work` (and an empty docs/), to build or serve there."""
    work.mkdir(parents=True, exist_ok=True)
    for name in parts:
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, work / name)
    (work / "docs").mkdir(exist_ok=True)
    return work


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> tuple[Path, str]:
    """(site folder, the build's messages) of `mkdocs build --strict` on a copy of this repository."""
    work = copy_project(tmp_path_factory.mktemp("built"))
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(work / "site")],
                          cwd=work, capture_output=True, text=True,
                          env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 0, proc.stderr
    return work / "site", proc.stderr


def link_targets(html_text: str) -> list[str]:
    """The href of every element of an HTML fragment, unescaped, as a browser reads them: not text that only
    looks like an attribute (a paragraph '<link href="javascript:…">' shown as text is &lt;link href="…"&gt;)."""
    from html.parser import HTMLParser

    found = []

    class Links(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.extend(value or "" for name, value in attrs if name == "href")

    parser = Links(convert_charrefs=True)
    parser.feed(html_text)
    parser.close()
    return found
