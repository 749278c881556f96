"""The copied text of a t.me/s page (scripts/sources/telegram_channel_text.py), rule by rule: each test
parses its own small copy and states the posts a contributor would see, written out by hand
(issue 10, item 5: tests that notice a changed line)."""

import datetime as dt

import pytest

from scripts.content.model import ContentError
from scripts.sources.telegram_channel_text import looks_like, parse

CH = "Victory Archive"


def page(*lines):
    return "\n".join(lines) + "\n"


def texts(post):
    return [p.text for p in post.paragraphs]


# footers and looks_like

def test_a_footer_with_views_looks_like_a_copy():
    assert looks_like("Text\n12.4K views 15:30\n")
    assert looks_like("Text\n8.67M views13:59")


@pytest.mark.parametrize("text", ["Text\n15:30\n", "Text\nedited 15:30\n", "views\n", "Text\n12 views\n"])
def test_text_without_a_footer_with_views_does_not(text):
    assert not looks_like(text)


def test_no_footer_is_an_error_on_line_one():
    with pytest.raises(ContentError) as e:
        parse("Just text\n15:30\n")
    assert str(e.value) == ("channel.txt:1: no post footer (expected the copied text of a t.me/s/<channel> page, "
                            "each post ending in a line such as '8.67K views 13:59')")


def test_an_edited_footer_without_views_ends_a_post_too():
    posts = parse(page(CH, "First.", "edited 9:05", CH, "Second.", "3 views 10:00"))
    assert [texts(p) for p in posts] == [["First."], ["Second."]]
    assert [p.time for p in posts] == ["09:05", "10:00"]
    assert [p.item for p in posts] == [1, 2]


def test_the_channel_name_is_the_source_and_not_text():
    [post] = parse(page(CH, "12.4K subscribers", CH, "The Elbe, 1945.", "5 views 10:00"))
    assert post.source_name == CH
    assert texts(post) == ["The Elbe, 1945."]
    assert post.forwarded_from is None and post.reply_to is None
    assert (post.identity, post.url) == (None, None)
    assert post.source_kind == "telegram-channel-text"
    assert post.title == "The Elbe, 1945"
    assert post.commemorates == []


def test_a_first_line_that_starts_too_few_posts_is_not_the_channel():
    posts = parse(page("Header", "One.", "1 views 10:00", "Two.", "2 views 11:00", "Three.", "3 views 12:00"))
    assert [p.source_name for p in posts] == ["Unknown channel"] * 3
    assert texts(posts[0]) == ["Header\nOne."]
    assert posts[0].warnings == ["the page's first line is not the channel name before each post: "
                                 "interface text before the posts may have been kept"]
    assert posts[1].warnings == []


def test_a_channel_name_before_half_of_the_posts_is_enough():
    posts = parse(page(CH, "One.", "1 views 10:00", "Two.", "2 views 11:00"))
    assert [p.source_name for p in posts] == [CH, CH]
    assert [p.warnings for p in posts] == [[], []]


def test_a_forwarded_post_names_its_origin():
    [post] = parse(page(CH, "", "Forwarded from  Russian MFA ", "Text.", "1 views 10:00"))
    assert (post.source_name, post.forwarded_from) == ("Russian MFA", "Russian MFA")
    assert texts(post) == ["Text."]


def test_a_reply_quotes_the_post_it_answers():
    [post] = parse(page(CH, CH, "The quoted line.", "The reply.", "1 views 10:00"))
    assert post.reply_to == "The quoted line."
    assert texts(post) == ["The reply."]


def test_two_channel_lines_with_only_one_line_after_are_not_a_reply():
    [post] = parse(page(CH, CH, "Only text.", "1 views 10:00"))
    assert post.reply_to is None
    assert texts(post) == ["Only text."]


def test_an_empty_post_is_skipped_and_counted():
    posts = parse(page(CH, "1 views 10:00", CH, "Text.", "2 views 11:00", CH, "", "3 views 12:00"))
    assert [texts(p) for p in posts] == [["Text."]]
    assert posts[0].item == 1
    assert posts[0].warnings == ["skipped 2 empty posts of this page (not posts)"]


def test_one_empty_post_is_said_in_the_singular():
    posts = parse(page(CH, "1 views 10:00", CH, "Text.", "2 views 11:00"))
    assert posts[0].warnings == ["skipped 1 empty post of this page (not posts)"]


# dates

# The label the page shows above a day's first post is copied after the footer of the post before it.
def test_a_date_label_with_a_year_dates_its_post_and_the_next_ones_that_day():
    posts = parse(page(CH, "One.", "1 views 10:00", CH, "Two.", "2 views 11:00", "May 9, 2022",
                       CH, "Three.", "3 views 12:00"))
    assert [p.date for p in posts] == [None, dt.date(2022, 5, 9), dt.date(2022, 5, 9)]
    assert posts[1].warnings == []


def test_a_label_without_a_year_is_said_in_a_warning():
    posts = parse(page(CH, "One.", "1 views 10:00", CH, "Two.", "2 views 11:00", "April 25",
                       CH, "Three.", "3 views 12:00"))
    assert [p.date for p in posts] == [None, None, None]
    assert [p.warnings for p in posts] == [[], ["the page dates this post 'April 25', without the year"],
                                           ["the page dates this post 'April 25', without the year"]]


def test_a_label_after_the_last_footer_dates_the_last_post():
    posts = parse(page(CH, "One.", "1 views 10:00", CH, "Two.", "2 views 11:00", "June 22, 1941"))
    assert [p.date for p in posts] == [None, dt.date(1941, 6, 22)]


def test_an_impossible_label_date_is_no_date():
    posts = parse(page(CH, "One.", "1 views 10:00", "February 30, 2022", CH, "Two.", "2 views 11:00"))
    assert [p.date for p in posts] == [None, None]


def test_without_a_label_the_date_is_inferred_from_the_text():
    [post] = parse(page(CH, "Victory Day, 9 May 2023.", "#Победа78", "1 views 10:00"))
    assert post.date == dt.date(2023, 5, 9)
    assert post.warnings == ["date 2023-05-09 inferred: 2023-05-09 in the text, in the year of #Победа78"]


def test_war_dates_in_the_text_are_commemorated():
    [post] = parse(page(CH, "On 22 June 1941.", "", "On 9 May 1946.", "1 views 10:00"))
    assert post.commemorates == [dt.date(1941, 6, 22)]


# interface text

@pytest.mark.parametrize("line, missing", [("Media is too big", ["video"]), ("VIEW IN TELEGRAM", []),
                                           ("Please open Telegram to view this post.", []),
                                           ("Photo is too big", ["photo"]), ("File is too big", ["file"]),
                                           ("0:42", ["file"]), ("1:02:03", ["file"])])
def test_placeholders_and_players_become_missing_media(line, missing):
    [post] = parse(page(CH, line, "Text.", "1 views 10:00"))
    assert texts(post) == ["Text."]
    assert post.missing_media == missing


def test_a_document_is_missing_media_and_its_name_is_not_text():
    [post] = parse(page(CH, "Order_of_the_Day.pdf", "1.2 MB", "Text.", "1 views 10:00"))
    assert texts(post) == ["Text."]
    assert post.missing_media == ["file"]


def test_a_file_name_without_a_size_is_text():
    [post] = parse(page(CH, "Order_of_the_Day.pdf", "Text.", "1 views 10:00"))
    assert texts(post) == ["Order_of_the_Day.pdf\nText."]


def test_a_poll_is_dropped_whole():
    [post] = parse(page(CH, "Who in your family served?", "Anonymous poll", "40%", "A grandparent",
                        "60%", "A great-grandparent", "15 votes", "After the poll.", "1 views 10:00"))
    assert texts(post) == ["After the poll."]
    assert post.missing_media == ["file"]


def test_a_poll_without_votes_line_keeps_the_text_after_it():
    [post] = parse(page(CH, "Question?", "Quiz", "100%", "Yes", "After.", "1 views 10:00"))
    assert texts(post) == ["After."]


def test_reactions_are_dropped():
    [post] = parse(page(CH, "Text.", "👍2.03K❤837", "1 views 10:00"))
    assert texts(post) == ["Text."]
    assert post.missing_media == []


def test_missing_media_is_listed_once():
    [post] = parse(page(CH, "0:42", "1:05", "Media is too big", "Text.", "1 views 10:00"))
    assert post.missing_media == ["file", "video"]


def test_a_post_of_only_media_is_kept():
    [post] = parse(page(CH, "Media is too big", "1 views 10:00"))
    assert post.paragraphs == [] and post.missing_media == ["video"]


# paragraphs and tags

def test_paragraphs_at_blank_lines_lines_kept_and_repeats_dropped():
    [post] = parse(page(CH, "Line one", "line two.", "", "", "Line one  line two.", "", "Другой абзац.",
                        "#Victory #Победа", "1 views 10:00"))
    assert texts(post) == ["Line one\nline two.", "Другой абзац."]  # the same words once
    assert [p.lang for p in post.paragraphs] == ["en", "ru"]
    assert post.tags == ["Victory", "Победа"]


def test_the_same_paragraph_twice_is_kept_once():
    [post] = parse(page(CH, "Same words.", "", "Same  words.", "1 views 10:00"))
    assert texts(post) == ["Same words."]


def test_hashtags_in_the_text_count_as_tags_too():
    [post] = parse(page(CH, "On #VictoryDay we remember.", "#Victory", "1 views 10:00"))
    assert texts(post) == ["On #VictoryDay we remember."]
    assert post.tags == ["Victory", "VictoryDay"]


# survivors of the first run

def test_looks_like_reads_the_first_400000_characters():
    prefix = "x" * 399_987 + "\n"  # the footer's last digit is character 400 001
    assert not looks_like(prefix + "1 views 10:00\n")
    assert looks_like(prefix[1:] + "1 views 10:00\n")


def test_each_post_starts_after_the_footer_before_it():
    posts = parse(page("Header", "One.", "1 views 10:00", "Two.", "2 views 11:00", "Three.", "3 views 12:00"))
    assert [texts(p) for p in posts] == [["Header\nOne."], ["Two."], ["Three."]]


def test_a_line_of_a_post_that_reads_as_a_date_label_is_text_not_a_label():
    posts = parse(page(CH, "One.", "1 views 10:00", CH, "May 9, 2022", "Two.", "2 views 11:00"))
    assert [p.date for p in posts] == [None, None]
    assert texts(posts[1]) == ["May 9, 2022\nTwo."]


def test_the_skipped_warning_comes_first():
    posts = parse(page(CH, "1 views 10:00", CH, "Victory Day, 9 May 2023.", "#Победа78", "2 views 11:00"))
    assert posts[0].warnings == ["skipped 1 empty post of this page (not posts)",
                                 "date 2023-05-09 inferred: 2023-05-09 in the text, in the year of #Победа78"]


def test_a_reply_of_several_lines_keeps_them_all():
    [post] = parse(page(CH, CH, "The quoted line.", "Reply one.", "", "Reply two.", "1 views 10:00"))
    assert post.reply_to == "The quoted line."
    assert texts(post) == ["Reply one.", "Reply two."]


def test_a_date_at_the_end_of_a_paragraph_is_commemorated():
    [post] = parse(page(CH, "It began on 22 June 1941", "", "We remember.", "1 views 10:00"))
    assert post.commemorates == [dt.date(1941, 6, 22)]


def test_the_first_and_the_last_years_of_the_war_are_commemorated():
    [post] = parse(page(CH, "From 1 September 1939 to 2 September 1945; not 31 August 1938.", "1 views 10:00"))
    assert post.commemorates == [dt.date(1939, 9, 1), dt.date(1945, 9, 2)]


def test_a_document_at_the_end_of_a_post():
    [post] = parse(page(CH, "Text.", "Order_of_the_Day.pdf", "1.2 MB", "1 views 10:00"))
    assert texts(post) == ["Text."]
    assert post.missing_media == ["file"]


def test_a_poll_at_the_end_of_a_post():
    [post] = parse(page(CH, "Text.", "", "Question?", "Quiz", "100%", "Yes", "1 views 10:00"))
    assert texts(post) == ["Text."]
    assert post.missing_media == ["file"]
