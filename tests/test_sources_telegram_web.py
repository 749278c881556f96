"""telegram_web.parse on small hand-made pages: what each line of a saved page becomes (mutation-tested)."""

import datetime as dt

from scripts.sources import telegram_web


def parse(*lines: str):
    return telegram_web.parse("\n".join(lines) + "\n")


def test_a_video_only_post_is_kept_and_says_the_video_is_missing():
    [post] = parse("Forwarded from Archive", "Media is too big")
    assert post.paragraphs == []
    assert post.missing_media == ["video"]
    assert post.source_name == "Archive"
    assert post.source_kind == "telegram-web"


def test_a_hashtag_only_post_is_kept():
    [post] = parse("Forwarded from Archive", "#Victory78")
    assert post.paragraphs == []
    assert post.tags == ["Victory78"]
    assert post.missing_media == []


def test_placeholders_with_a_full_stop_are_recognised_and_not_text():
    [post] = parse("Forwarded from Archive", "The parade.", "Photo is too big.", "File is too big.",
                   "Please open Telegram to view this post.")
    assert [p.text for p in post.paragraphs] == ["The parade."]
    assert post.missing_media == ["photo", "file"]


def test_placeholders_that_stand_for_nothing_record_nothing():
    [post] = parse("Forwarded from Archive", "The parade.", "VIEW IN TELEGRAM", "View in Telegram")
    assert [p.text for p in post.paragraphs] == ["The parade."]
    assert post.missing_media == []


def test_a_missing_medium_is_listed_once():
    [post] = parse("Forwarded from Archive", "The parade.", "Media is too big", "Media is too big")
    assert post.missing_media == ["video"]


def test_text_before_the_first_forwarded_line_is_a_post_of_an_unknown_channel_with_a_warning():
    first, second = parse("A note with no channel.", "Forwarded from Archive", "The parade.")
    assert first.source_name == "Unknown channel"
    assert [p.text for p in first.paragraphs] == ["A note with no channel."]
    assert first.warnings == ["text before the first 'Forwarded from' line: kept as a post with no channel"]
    assert (second.source_name, second.item, second.warnings) == ("Archive", 2, [])


def test_a_page_with_no_forwarded_line_is_one_post_of_an_unknown_channel():
    [post] = parse("Only a note.")
    assert post.source_name == "Unknown channel"
    assert [p.text for p in post.paragraphs] == ["Only a note."]


def test_an_empty_post_is_dropped_but_keeps_its_item_number():
    # Item numbers name a post's place in the file (source.identity file:<raw>#<item>): an empty post
    # between two others must not renumber the ones after it.
    posts = parse("Forwarded from A", "First.", "Forwarded from B", "Forwarded from C", "Third.")
    assert [(p.source_name, p.item) for p in posts] == [("A", 1), ("C", 3)]


def test_commemorated_dates_are_the_war_years_1939_to_1945_only():
    [post] = parse("Forwarded from Archive",
                   "On 31 August 1938 nothing. On 1 September 1939 it began.",
                   "On 2 September 1945 it ended. On 1 January 1946 it was over.")
    assert post.commemorates == [dt.date(1939, 9, 1), dt.date(1945, 9, 2)]


def test_a_date_at_the_very_end_of_a_paragraph_is_read():
    [post] = parse("Forwarded from Archive", "Victory came on 9 May 1945", "Remember it.")
    assert post.commemorates == [dt.date(1945, 5, 9)]


def test_looks_like_reads_the_first_2000_lines_only():
    within = "\n" * 1999 + "Forwarded from Archive\ntext\n"
    beyond = "\n" * 2000 + "Forwarded from Archive\ntext\n"
    assert telegram_web.looks_like(within)
    assert not telegram_web.looks_like(beyond)
