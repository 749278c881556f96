"""gallery_article on small hand-made galleries: dates, credits, captions, counters (mutation-tested)."""

import datetime as dt

import pytest

from scripts.content.model import ContentError
from scripts.sources import gallery_article
from tests.conftest import GALLERY_SEED

MEDIABANK = "Go to the mediabank"


def photo(credit: str, caption: str, counter: str | None, site: str = "Sputnik World") -> list[str]:
    """One photo as the saved page lays it out: credit glued to the caption, the caption with the site's
    suffix, the counter, the credit again, the mediabank link, the clean caption."""
    lines = [f"© {credit} / {MEDIABANK}{caption}", f"{caption} - {site}"]
    if counter:
        lines.append(counter)
    return lines + [f"© {credit}", "/", MEDIABANK, caption]


def parse(*lines: str):
    [post] = gallery_article.parse("\n".join(lines) + "\n")
    return post


# The format: a credit line and a counter or a mediabank link.

def test_looks_like_needs_a_credit_and_a_counter_or_a_mediabank_link():
    assert gallery_article.looks_like("Intro.\n© Sputnik\n1/1\n")
    assert gallery_article.looks_like(f"Intro.\n© Sputnik / {MEDIABANK}\nA caption.\n")
    assert not gallery_article.looks_like("Intro.\n© Sputnik\nA caption.\n")
    assert not gallery_article.looks_like(f"Intro.\n1/1\n{MEDIABANK}\n")


def test_looks_like_reads_the_first_5000_lines_and_the_first_million_characters():
    assert gallery_article.looks_like("\n" * 4998 + "© Sputnik\n1/1\n")
    assert not gallery_article.looks_like("\n" * 4999 + "© Sputnik\n1/1\n")
    head = "1/2\n" + "x" * 999_995 + "\n"
    assert len(head) == 1_000_000
    assert not gallery_article.looks_like(head + "© Sputnik\n")


# Date and time lines.

def test_the_date_line_gives_the_day_without_a_time_line():
    post = parse("date 2025-05-08 World", "Intro.", *photo("TASS", "A tank on the square.", "1/1"))
    assert (post.date, post.time) == (dt.date(2025, 5, 8), None)


def test_the_time_line_gives_time_and_day_without_a_date_line():
    post = parse("10:00 08.05.2025", "Intro.", *photo("TASS", "A tank on the square.", "1/1"))
    assert (post.date, post.time) == (dt.date(2025, 5, 8), "10:00")
    post = parse("9:05 MSK 31.12.2024", "Intro.", *photo("TASS", "A tank on the square.", "1/1"))
    assert (post.date, post.time) == (dt.date(2024, 12, 31), "9:05 MSK")


def test_the_date_line_wins_over_the_time_lines_day():
    post = parse("date 2025-05-08 World", "10:00 GMT 09.05.2025", "Intro.",
                 *photo("TASS", "A tank on the square.", "1/1"))
    assert (post.date, post.time) == (dt.date(2025, 5, 8), "10:00 GMT")


def test_a_date_the_calendar_has_not_is_an_error_naming_its_line():
    with pytest.raises(ContentError) as e:
        parse("Intro.", "date 2023-02-30 World", *photo("TASS", "A tank.", "1/1"))
    assert str(e.value) == ("article:2: the article's date 2023-02-30 is not a day of the calendar "
                            "(expected a real date, e.g. 2023-02-28 or 28.02.2023)")


def test_a_time_line_day_the_calendar_has_not_is_an_error_naming_its_line():
    with pytest.raises(ContentError) as e:
        parse("Intro.", "Second line.", "13:59 GMT 30.02.2023", *photo("TASS", "A tank.", "1/1"))
    assert str(e.value) == ("article:3: the article's date 30.02.2023 is not a day of the calendar "
                            "(expected a real date, e.g. 2023-02-28 or 28.02.2023)")


# The publication, from the suffix captions repeat.

def test_the_publication_is_the_suffix_most_captions_repeat():
    post = parse("Intro.", *photo("TASS", "A tank on the square.", "1/3", site="Sputnik World"),
                 *photo("TASS", "Veterans on parade.", "2/3", site="Sputnik World"),
                 *photo("TASS", "A field kitchen.", "3/3", site="Other Site"))
    assert post.source_name == "Sputnik World"


def test_no_publication_when_suffixes_disagree_or_are_absent():
    post = parse("Intro.", *photo("TASS", "A tank on the square.", "1/2", site="Sputnik World"),
                 *photo("TASS", "Veterans on parade.", "2/2", site="Other Site"))
    assert post.source_name == "Unknown publication"
    post = parse("Intro.", "© TASS", "1/1", "A tank on the square.")
    assert post.source_name == "Unknown publication"


# Credits.

def test_a_caption_glued_to_the_credit_without_the_mediabank_link_is_split_off():
    post = parse("Intro.", "© Sputnik / Ivan ShaginA tank on the square.", "1/1", "© Sputnik / Ivan Shagin")
    [p] = post.photos
    assert (p.agency, p.photographer, p.caption) == ("Sputnik", "Ivan Shagin", "A tank on the square.")


def test_a_credit_with_no_space_after_the_sign():
    post = parse("Intro.", f"©TASS / {MEDIABANK}A tank on the square.", "1/2", "©TASS", "/", MEDIABANK,
                 "A tank on the square.", f"©Xinhua / {MEDIABANK}Veterans on parade.", "2/2")
    assert [(p.agency, p.caption) for p in post.photos] == [
        ("TASS", "A tank on the square."), ("Xinhua", "Veterans on parade.")]


def test_an_agency_named_from_the_lead_credit_keeps_its_letters():
    post = parse("Intro.", f"© Xinhua / {MEDIABANK}Veterans on parade.", "1/1")
    assert post.photos[0].agency == "Xinhua"


def test_the_mediabank_link_on_the_credit_line_and_on_a_slash_line_is_not_text_or_credit():
    post = parse("Intro.", f"© TASS / {MEDIABANK}A tank on the square.", "1/1", f"© TASS / {MEDIABANK}",
                 f"/ {MEDIABANK}", "A tank on the square.")
    [p] = post.photos
    assert (p.agency, p.photographer, p.caption) == ("TASS", None, "A tank on the square.")


def test_several_photographers_are_kept_together():
    post = parse("Intro.", *photo("Sputnik / Ivan Shagin / Yevgeny Khaldei", "Soldiers at the Reichstag.", "1/1"))
    p = post.photos[0]
    assert (p.agency, p.photographer) == ("Sputnik", "Ivan Shagin / Yevgeny Khaldei")


def test_a_credit_over_two_lines_after_the_counter_is_one_photo():
    post = parse("Intro.", f"© TASS / {MEDIABANK}A tank on the square.", "1/1", "/", "© TASS",
                 "© Photo : Public domain")
    assert [(p.agency, p.caption) for p in post.photos] == [("TASS", "A tank on the square.")]
    assert post.warnings == []


def test_a_caption_that_names_the_mediabank_link_stays_whole():
    caption = f"Visitors follow the '{MEDIABANK}' signs."
    post = parse("Intro.", f"© TASS / {MEDIABANK}{caption}", "1/1", "© TASS")
    assert [(p.agency, p.caption) for p in post.photos] == [("TASS", caption)]


def test_an_article_without_photos_is_its_intro():
    post = parse("Veterans on parade - Sputnik World", "Remember them.")
    assert [p.text for p in post.paragraphs] == ["Veterans on parade - Sputnik World", "Remember them."]
    assert (post.photos, post.source_name) == ([], "Unknown publication")  # the publication is read from captions


# Captions.

def test_a_caption_only_glued_to_the_credit_is_the_caption():
    post = parse("Intro.", f"© TASS / {MEDIABANK}A tank on the square.", "1/1", "© TASS")
    assert post.photos[0].caption == "A tank on the square."


def test_a_photo_without_a_caption_is_a_warning():
    post = parse("Intro.", f"© TASS / {MEDIABANK}", "1/1", "© TASS")
    assert [(p.n, p.caption) for p in post.photos] == [(1, "")]
    assert post.warnings == ["photo 1 has no caption"]


def test_a_tail_block_of_the_same_caption_joins_the_photo_before_and_its_variants_vote():
    post = parse("Intro.", f"© TASS / {MEDIABANK}Allied troops meet at the Elbe.", "1/1", "© TASS",
                 "Allied troops meet at the Elbe.", "© TASS", "allied troops meet at the elbe")
    assert [p.caption for p in post.photos] == ["Allied troops meet at the Elbe."]
    assert post.warnings == []


def test_a_caption_that_lost_its_first_letters_is_the_same_caption():
    post = parse("Intro.", "© TASS", "1/1", "Allied troops meet at the Elbe.", "llied troops meet at the Elbe.")
    assert post.photos[0].caption == "Allied troops meet at the Elbe."
    post = parse("Intro.", "© TASS", "1/1", "Two Soviet soldiers at the Elbe.", "Soviet soldiers at the Elbe.")
    assert post.photos[0].caption == "Two Soviet soldiers at the Elbe."


def test_captions_that_differ_by_four_leading_letters_or_are_short_are_both_kept():
    post = parse("Intro.", "© TASS", "1/1", "Four Soviet soldiers at the Elbe.", "Soviet soldiers at the Elbe.")
    assert post.photos[0].caption == "Four Soviet soldiers at the Elbe. Soviet soldiers at the Elbe."
    post = parse("Intro.", "© TASS", "1/1", "A tank and a gun.", "tank and a gun.")   # 11 and 12 letters
    assert post.photos[0].caption == "A tank and a gun."
    post = parse("Intro.", "© TASS", "1/1", "A tank and gun.", "tank and gun")         # 11 and 10 letters
    assert post.photos[0].caption == "A tank and gun. tank and gun"


def test_different_captions_of_one_photo_are_all_kept_in_order():
    post = parse("Intro.", "© TASS", "1/1", "A tank on the square.", "A gun by the bridge.",
                 "Soldiers at the Elbe.", "At the Elbe.")
    assert post.photos[0].caption == "A tank on the square. A gun by the bridge. Soldiers at the Elbe. At the Elbe."


def test_the_most_repeated_variant_wins_then_the_punctuated_one():
    post = parse("Intro.", "© TASS", "1/1", "allied troops at the elbe",
                 "Allied troops at the Elbe.", "Allied troops at the Elbe.")
    assert post.photos[0].caption == "Allied troops at the Elbe."
    post = parse("Intro.", "© TASS", "1/1", "Allied troops, at the Elbe", "Allied troops at the Elbe.")
    assert post.photos[0].caption == "Allied troops at the Elbe."
    post = parse("Intro.", "© TASS", "1/1", "Seen by, Malcolm X", "Seen by Malcolm X.")
    assert post.photos[0].caption == "Seen by Malcolm X."


# Counters.

def test_a_gallery_with_fewer_photos_than_counters():
    post = parse("Intro.", *photo("TASS", "A tank on the square.", "1/3"),
                 *photo("TASS", "Veterans on parade.", "2/3"))
    assert post.warnings == ["photo counters skip 3/3", "found 2 photos but the counters say 3"]


def test_a_first_photo_without_a_counter():
    post = parse("Intro.", *photo("TASS", "A tank on the square.", None),
                 *photo("TASS", "Veterans on parade.", "2/2"))
    assert post.warnings == ["photo counters skip 1/2", "1 photo(s) without a counter"]


def test_counters_out_of_order_and_disagreeing():
    post = parse("Intro.", *photo("TASS", "A tank on the square.", "2/2"),
                 *photo("TASS", "Veterans on parade.", "1/2"))
    assert post.warnings == ["photo counters out of order: 2, 1"]
    post = parse("Intro.", *photo("TASS", "A tank on the square.", "1/2"),
                 *photo("TASS", "Veterans on parade.", "2/3"))
    assert post.warnings[0] == "photo counters disagree on the total: [2, 3]"


def test_only_a_photos_first_counter_counts():
    first = photo("TASS", "A tank on the square.", "1/2")
    first.insert(3, "1/3")   # a second counter right after the first
    post = parse("Intro.", *first, *photo("TASS", "Veterans on parade.", "2/2"))
    assert post.warnings == []


def test_a_gallery_without_counters_is_fine():
    post = parse("Intro.", f"© TASS / {MEDIABANK}A tank on the square.", f"© AP / {MEDIABANK}Veterans on parade.")
    assert [p.caption for p in post.photos] == ["A tank on the square.", "Veterans on parade."]
    assert post.warnings == []


# The seed, parsed in the test itself (a module-wide fixture hides its checks from mutmut's per-test map).

def test_the_seed_in_full():
    [post] = gallery_article.parse(GALLERY_SEED.read_text(encoding="utf-8"))
    assert post.title == "On April 25, 1945, allied Soviet and US troops met…"
    assert post.tags == []
    assert post.commemorates == [dt.date(1945, 4, 25), dt.date(1945, 5, 4)]
    assert [p.lang for p in post.paragraphs] == ["en"] * 5
    assert [p.n for p in post.photos] == list(range(1, 15))
    assert post.photos[6].caption == ("Soviet and American soldiers posing shoulder to shoulder for a celebratory "
                                      "picture, April 25, 1945.")
    last = post.photos[13]
    assert (last.agency, last.photographer, last.rights) == (None, "Pfc. William E. Poulson", "Public domain")
    assert [p.photographer for p in post.photos[:3]] == ["Ivan Shagin", None, "Anatoly Egorov"]
    assert post.warnings == []


def test_intro_hashtags_are_tags_and_war_dates_are_commemorated():
    post = parse("On 1 September 1939 it began; on 1 January 1946 it was over. #Victory80",
                 "It ended on 2 September 1945.", *photo("TASS", "A parade on 24 June 1945.", "1/1"))
    assert post.tags == ["Victory80"]
    assert post.commemorates == [dt.date(1939, 9, 1), dt.date(1945, 6, 24), dt.date(1945, 9, 2)]
    assert post.title == "On 1 September 1939 it began; on 1 January 1946…"  # ten words
