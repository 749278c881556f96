"""The saved photo-gallery article seed, parsed: metadata, intro once, 14 photos with clean captions and credits."""

import datetime as dt

import pytest

from scripts.sources import gallery_article as import_gallery_article
from tests.conftest import GALLERY_SEED

CREDITS = [
    ("Sputnik", "Ivan Shagin", None), ("Sputnik", None, None), ("Sputnik", "Anatoly Egorov", None),
    ("Sputnik", "Peter Bernshtein", None), ("Sputnik", "Ivan Shagin", None), ("Sputnik", "Alexander Ustinov", None),
    ("Sputnik", None, None), ("Sputnik", "Yefim Kopyt", None), ("Sputnik", "Georgy Khomzor", None),
    ("Sputnik", "Georgy Khomzor", None), ("Sputnik", "Oleg Knorring", None), ("Sputnik", "Georgy Khomzor", None),
    ("Sputnik", "Arkadyi Shaikhet", None), (None, "Pfc. William E. Poulson", "Public domain"),
]


@pytest.fixture(scope="module")
def post():
    [post] = import_gallery_article.parse(GALLERY_SEED.read_text(encoding="utf-8"))
    return post


def test_metadata(post):
    assert post.date == dt.date(2024, 4, 25)
    assert post.time == "13:59 GMT"
    assert post.source_name == "Sputnik International"
    assert post.source_kind == "gallery-article"
    assert post.warnings == []


def test_intro_paragraphs_once_in_order(post):
    starts = [p.text[:30] for p in post.paragraphs]
    assert starts == ["On April 25, 1945, allied Sovi", "US authorities have not author",
                      "The ambassador reminded that t", '"I want to believe that sooner',
                      "Take a look at these historic "]
    assert not any("has said.The" in p.text for p in post.paragraphs)


def test_fourteen_photos_with_credits(post):
    assert [p.n for p in post.photos] == list(range(1, 15))
    assert [(p.agency, p.photographer, p.rights) for p in post.photos] == CREDITS


def test_clean_captions(post):
    caps = [p.caption for p in post.photos]
    assert caps[0].startswith("Residents of the city of Torgau (Germany) greeting Allied troops")
    assert caps[13] == ('2nd Lt. William Robertson and Lt. Alexander Sylvashko standing in front of a sign that '
                        'reads "East Meets West" symbolizing the historic meeting of the Soviet and US Armies.')
    for cap in caps:
        assert "Sputnik International" not in cap
        assert "mediabank" not in cap
        assert "©" not in cap
        assert cap.endswith(".")
    assert len(set(caps)) == 14


def test_counter_gaps_are_reported():
    text = GALLERY_SEED.read_text(encoding="utf-8").replace("\n5/14\n", "\n").replace("\n6/14\n", "\n")
    [post] = import_gallery_article.parse(text)
    assert "photo counters skip 5/14, 6/14" in post.warnings
    assert len(post.photos) == 14


def test_other_galleries_generalize():
    text = ("date 2025-05-08 World\n10:00 GMT 08.05.2025\nIntro paragraph about the parade.\n"
            "© Sputnik / Anna Petrova / Go to the mediabankVeterans on parade.\n"
            "Veterans on parade - Sputnik World\n1/2\n© Sputnik / Anna Petrova\n/\nGo to the mediabank\n"
            "Veterans on parade.\n© TASS / Go to the mediabank\nA tank on the square.\n"
            "A tank on the square - Sputnik World\n2/2\n© TASS\n/\nGo to the mediabank\nA tank on the square.\n")
    [post] = import_gallery_article.parse(text)
    assert post.source_name == "Sputnik World"
    assert [(p.caption, p.agency, p.photographer) for p in post.photos] == [
        ("Veterans on parade.", "Sputnik", "Anna Petrova"), ("A tank on the square.", "TASS", None)]
    assert post.warnings == []
