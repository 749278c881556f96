import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

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
