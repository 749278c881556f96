"""Large archives are imported, loaded and generated in two processes: the output must not depend on it.
Each stage runs on a small synthetic archive once in this process and once shared between processes
(the thresholds lowered to 1), and the results are compared."""

import hashlib
import os
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scripts import parallel
from scripts.bench.archive import synthetic_sources
from scripts.content import load as content_mod
from scripts.content.load import load_content
from scripts.content.model import ContentError
from scripts.site import generate as gen
from scripts.sources import telegram_web as import_telegram_web
from scripts.sources import write as importer
from scripts.text.hashtags import HASHTAG

pytestmark = pytest.mark.skipif(not parallel.worth_it(2, 1), reason="needs fork and two cores")


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def raw(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("raw")
    paths = []
    for name, text in synthetic_sources(40, seed=7).items():
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(folder / name)
    return sorted(paths)


def _shared(monkeypatch, shared: bool):
    threshold = 1 if shared else 10**9
    for module in (import_telegram_web, importer, content_mod, gen):
        monkeypatch.setattr(module, "PARALLEL_FROM", threshold)


def test_shares_run_in_other_processes_and_keep_their_order():
    squares = parallel.run_shares(_square, [1, 2, 3, 4, 5], None, parallel=True)
    assert [value for value, _ in squares] == [1, 4, 9, 16, 25]
    assert {pid for _, pid in squares} - {os.getpid()}, "no share ran in a worker process"


def _square(n):
    return n * n, os.getpid()


def test_an_error_in_a_worker_is_raised_in_the_parent():
    with pytest.raises(ContentError) as e:
        parallel.run_shares(_fail, [1, 2], None, parallel=True)
    assert str(e.value) == "posts/x/meta.yml:3: broken (expected nothing)"


def _fail(n):
    if n == 2:
        raise ContentError("posts/x/meta.yml", 3, "broken (expected nothing)")
    return n


def test_slices_cover_everything_once():
    for n in (0, 1, 3, 4, 5, 99):
        covered = [i for a, b in parallel.slices(n, 4) for i in range(a, b)]
        assert covered == list(range(n))


def test_import_load_and_generate_are_the_same_in_processes(tmp_path, monkeypatch, raw):
    results = {}
    for shared in (False, True):
        _shared(monkeypatch, shared)
        root = tmp_path / f"shared-{shared}"
        report = importer.import_paths(raw, root / "content")
        content = load_content(root / "content")
        gen.generate(root / "content", root / "docs")
        results[shared] = (report.lines(), tree(root / "content"), tree(root / "docs"),
                           [(e.id, e.tags, e.versions, e.gallery, e.date) for e in content.entries],
                           sorted(content.tags), {k: sorted(v) for k, v in content.registry.derived_names.items()})
    assert len(results[True][1]) > 40 and len(results[True][2]) > 100
    assert results[False] == results[True]


def test_content_errors_found_in_processes_are_all_reported(tmp_path, monkeypatch, raw):
    _shared(monkeypatch, True)
    importer.import_paths(raw, tmp_path / "content")
    folders = sorted((tmp_path / "content" / "posts").iterdir())
    meta = re.sub(r"^date:.*\n", "", (folders[0] / "meta.yml").read_text(encoding="utf-8"), flags=re.M)
    (folders[0] / "meta.yml").write_text("date: 1945-13-40\n" + meta, encoding="utf-8")
    (folders[-1] / "meta.yml").write_text("lang: xx\n", encoding="utf-8")
    with pytest.raises(ContentError) as e:
        load_content(tmp_path / "content")
    text = str(e.value)
    assert f"content/posts/{folders[0].name}/meta.yml:1: date: '1945-13-40' is not a date" in text
    assert f"content/posts/{folders[-1].name}/meta.yml:1: lang: unknown language 'xx'" in text


# The hashtag pattern looks for '#' first (30x faster on long bodies than a leading look-behind); it must
# find exactly what "'#' not after a word character, '&', '\\' or '/'" finds.
_REFERENCE = re.compile(r"(?<![\w&\\/])#(\w+)")


@given(st.text(alphabet=st.sampled_from(list("#&\\/ aZя9_ı\n.")), max_size=40))
def test_hashtag_pattern_matches_its_definition(text):
    assert HASHTAG.findall(text) == _REFERENCE.findall(text)
