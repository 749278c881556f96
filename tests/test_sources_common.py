"""What every importer shares (sources/common.py): a post's working title, its inferred date and why,
its paragraphs and tags (mutation-tested)."""

import datetime as dt

from scripts.sources.common import infer_date, paragraphs_and_tags, title_from


# Titles: the first sentence of the first paragraph with words, at most ten words.

def test_a_title_is_the_first_sentence_without_its_full_stop():
    assert title_from(["Troops met at the Elbe. Then they shook hands."]) == "Troops met at the Elbe"
    assert title_from(["A speech by Malcolm X. It was long."]) == "A speech by Malcolm X"
    assert title_from(["Why did they meet? Nobody knows."]) == "Why did they meet?"


def test_a_title_drops_the_hash_of_hashtags_and_leading_symbols():
    assert title_from(["Today #Victory78 we remember."]) == "Today Victory78 we remember"
    assert title_from(["🔻 By the summer of 1944 the front had moved."]) == "By the summer of 1944 the front had moved"
    assert title_from(["«Nobody is forgotten»."]) == "«Nobody is forgotten»"


def test_a_title_skips_paragraphs_without_words():
    assert title_from(["🎗️🎗️", "— —", "Remember them."]) == "Remember them"
    assert title_from(["🎗️"]) == ""
    assert title_from([]) == ""


def test_a_title_of_ten_words_is_whole_and_a_longer_one_is_cut_at_ten():
    ten = "One two three four five six seven eight nine ten."
    assert title_from([ten]) == "One two three four five six seven eight nine ten"
    assert title_from(["One two three four five six seven eight nine ten, eleven twelve."]) == (
        "One two three four five six seven eight nine ten…")
    assert title_from(["In 1945 the young man later known as Malcolm X was in Boston."]) == (
        "In 1945 the young man later known as Malcolm X…")


# Inferred dates.

def test_years_ago_and_a_date_after_it_give_the_anniversary():
    assert infer_date(["78 years ago, on 25 April 1945, troops met at the Elbe."], []) == (
        dt.date(2023, 4, 25), "'78 years ago' and 1945-04-25 in the text")


def test_years_ago_written_in_keycap_digits():
    assert infer_date(["7️⃣8️⃣ years ago, on 25 April 1945, troops met at the Elbe."], []) == (
        dt.date(2023, 4, 25), "'78 years ago' and 1945-04-25 in the text")


def test_years_ago_with_the_date_in_the_next_paragraph():
    assert infer_date(["It happened exactly 80 years ago", "25 April 1945: troops met at the Elbe."], []) == (
        dt.date(2025, 4, 25), "'80 years ago' and 1945-04-25 in the text")


def test_a_date_before_years_ago_does_not_count():
    assert infer_date(["On 25 April 1945 troops met; that was 78 years ago."], []) == (None, None)


def test_an_anniversary_hashtag_takes_the_date_of_its_year_from_the_text():
    assert infer_date(["On 9 May 1945 the war ended. On 8 May 2023 we lay flowers."], ["Victory78"]) == (
        dt.date(2023, 5, 8), "2023-05-08 in the text, in the year of #Victory78")


def test_an_anniversary_and_a_victory_day_hashtag_give_may_9():
    assert infer_date(["We remember."], ["Victory78", "9мая"]) == (
        dt.date(2023, 5, 9), "a Victory Day hashtag and #Victory78")


def test_an_anniversary_hashtag_alone_gives_no_date():
    assert infer_date(["We remember."], ["Victory78", "WWII"]) == (None, None)


# Paragraphs and tags.

def test_blank_lines_separate_paragraphs_and_do_not_end_the_post():
    assert paragraphs_and_tags(["First.", "", "Second. #WWII", "", "#Victory78 #WWII"]) == (
        ["First.", "Second. #WWII"], ["Victory78", "WWII"])


def test_a_date_before_years_ago_does_not_count_after_many_emoji():
    # Emoji with a variation selector before the text once shifted the phrase's position against the dates'.
    assert infer_date(["🎖️" * 30 + " On 9 May 1945 the war ended, 78 years ago."], []) == (None, None)
