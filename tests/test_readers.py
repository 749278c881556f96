"""The readers' features in pure functions: counts by Babel, the feed's time of day, the photo copies
planned and written (EXIF and GPS stripped, orientation applied), Turkish folding, inference reasons."""

import datetime as dt
import io
from types import SimpleNamespace

import pytest

from scripts.content.checks import check
from scripts.content.load import inference_reasons, load_content
from scripts.site import generate as gen
from scripts.site.feeds import published
from scripts.site.i18n import plural
from scripts.site.photos import plan
from scripts.site.search_terms import fold_turkish, folded_words
from tests.photo_post import POST_ID, write_photo_post


@pytest.mark.parametrize("lang, n, text", [
    ("en", 10000, "10,000 posts"), ("ru", 10000, "10\u00a0000 публикаций"), ("tr", 10000, "10.000 paylaşım"),
    ("ru", 1500, "1500 публикаций"), ("en", 1500, "1,500 posts"), ("ru", 21, "21 публикация"), ("en", 1, "1 post"),
])
def test_counts_are_formatted_for_the_locale(lang, n, text):
    assert plural(lang, "posts_count", n) == text


@pytest.mark.parametrize("time, expected", [
    ("13:59 GMT", "2024-04-25T13:59:00+00:00"), ("09:15 UTC", "2024-04-25T09:15:00+00:00"),
    ("21:05", "2024-04-25T21:05:00"), (None, "2024-04-25T00:00:00+00:00"), ("25:00 GMT", "2024-04-25T00:00:00+00:00"),
])
def test_feed_items_carry_the_sources_time_of_day(time, expected):
    assert published(SimpleNamespace(date=dt.date(2024, 4, 25), time=time)).isoformat() == expected


def test_photo_copies_planned_below_the_originals_width():
    assert [(c.name, c.width, c.height) for c in plan("a.jpg", 1200, 800)] == [
        ("a-480.webp", 480, 320), ("a-480.jpg", 480, 320), ("a-960.webp", 960, 640), ("a-960.jpg", 960, 640),
        ("a-1200.webp", 1200, 800), ("a-1200.jpg", 1200, 800)]
    assert [c.width for c in plan("b.png", 4000, 3000)][-2:] == [1600, 1600]
    assert [c.name for c in plan("c.jpg", 300, 200)] == ["c-300.webp", "c-300.jpg"]
    assert plan("d.jpg", None, None) == []


def test_published_photos_carry_no_exif_and_stand_upright(tmp_path):
    from PIL import Image

    content = tmp_path / "content"
    folder = write_photo_post(content)
    originals = {p.name: p.read_bytes() for p in folder.glob("*.jpg")}
    assert all(b"FixtureCam" in data for data in originals.values())  # the fixture does carry EXIF and GPS
    first = gen.generate(content, tmp_path / "docs")
    out = tmp_path / "docs" / "en" / "posts" / POST_ID
    names = sorted(p.name for p in out.iterdir())
    assert names == ["torgau-1-1200.jpg", "torgau-1-1200.webp", "torgau-1-480.jpg", "torgau-1-480.webp",
                     "torgau-1-960.jpg", "torgau-1-960.webp", "torgau-2-480.jpg", "torgau-2-480.webp",
                     "torgau-2-600.jpg", "torgau-2-600.webp"]
    for name in names:
        data = (out / name).read_bytes()
        assert b"Exif" not in data and b"FixtureCam" not in data and b"GPS" not in data, name
        with Image.open(io.BytesIO(data)) as im:
            assert not im.getexif(), name
            if name.startswith("torgau-2-600"):
                assert im.size == (600, 900)  # orientation 6 applied: stored 900x600, shown upright
    assert {p.name: p.read_bytes() for p in folder.glob("*.jpg")} == originals  # the originals stay as they were
    assert first.written > len(names)
    (tmp_path / gen.STATE_FILE).unlink()
    again = gen.generate(content, tmp_path / "docs")
    assert again.written == 0  # copies newer than their original are not encoded again
    post = (tmp_path / "docs" / "ru" / "posts" / f"{POST_ID}.md").read_text(encoding="utf-8")
    assert 'srcset="../../../posts/photos-at-torgau/torgau-1-480.webp 480w, ' in post
    assert 'width="960" height="640" loading="lazy"' in post and 'width="600" height="900"' in post
    entry = next(e for e in load_content(content).entries if e.id == POST_ID)
    assert [(i.width, i.height) for i in entry.gallery[:2]] == [(1200, 800), (600, 900)]


def test_turkish_folding():
    assert fold_turkish("KIZIL") == "kizil" and fold_turkish("İstanbul’da") == "istanbul’da"
    assert fold_turkish("Kızıl") == "kizil" and fold_turkish("Şağçöü") == "sagcou"
    assert folded_words("Kızıl Ordu ve kızıl bayrak, Zafer Günü") == ["kizil", "gunu"]


def test_inference_reasons_in_the_content_format():
    assert inference_reasons("a hashtag") == ({"en": "a hashtag"}, None)
    assert inference_reasons({"en": "x", "ru": "у"}) == ({"en": "x", "ru": "у"}, None)
    assert inference_reasons({"de": "x"})[1].startswith("unknown language 'de'")
    assert inference_reasons({"ru": " "})[1] == "no reason in 'ru' (expected a sentence)"
    assert inference_reasons(["x"])[1] == "expected a sentence, or one per language (en:, ru:, tr:)"


def test_check_wants_the_reason_in_each_translated_language(golden_copy):
    meta = golden_copy / "posts" / "parade-1941" / "meta.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("date: '2021-11-07'\n",
                    "date: '2021-11-07'\ndate_inferred: the year in the text\n"), encoding="utf-8")
    messages = [str(p) for p in check(golden_copy)]
    assert any(m.endswith("meta.yml:2: warning: date_inferred has no reason in ru (expected date_inferred: "
                          "with one sentence per language: en, ru)") for m in messages), messages
    meta.write_text(meta.read_text(encoding="utf-8").replace("date_inferred: the year in the text\n",
                    "date_inferred:\n  en: the year in the text\n  xx: ja\n"), encoding="utf-8")
    messages = [str(p) for p in check(golden_copy)]
    assert any("meta.yml:2: date_inferred: unknown language 'xx'" in m for m in messages), messages
