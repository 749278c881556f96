"""Titles taken from the text never put a sentence on the page twice; a message without words gets a title
that says what it holds and when, and is listed as needing attention."""

import datetime as dt

from scripts.content.model import Paragraph, Photo, Post
from scripts.sources.common import title_from
from scripts.sources.write import original_fields, title_once


def post(*texts, **kw) -> Post:
    paragraphs = [Paragraph(t, "en") for t in texts]
    return Post(paragraphs=paragraphs, source_name="Channel", source_kind="telegram-web",
                title=title_from(list(texts)), **kw)


def test_a_one_sentence_post_is_its_title_only():
    fields = original_fields(post("🎉 Happy Victory Day!"))
    assert fields["title"] == "🎉 Happy Victory Day!"
    assert fields["body"] == ""


def test_the_first_sentence_moves_to_the_title_and_the_rest_stays():
    fields = original_fields(post("The Elbe, 1945. Soviet and American troops met at Torgau.", "A second paragraph."))
    assert fields["title"] == "The Elbe, 1945."
    assert fields["body"] == "Soviet and American troops met at Torgau.\n\nA second paragraph."


def test_a_shortened_title_leaves_the_text_whole():
    long = "On this day in 1945 the troops of two allied armies met on the river Elbe near Torgau."
    title, paragraphs = title_once(post(long))
    assert title.endswith("…") and [p.text for p in paragraphs] == [long]


def test_a_video_without_words_is_named_for_what_it_holds():
    video = Post(paragraphs=[], source_name="Channel", source_kind="telegram-json", date=dt.date(2023, 5, 9),
                 missing_media=["video"])
    assert original_fields(video)["title"] == "Video, 2023-05-09"
    photos = Post(paragraphs=[], source_name="Channel", source_kind="telegram-json",
                  photos=[Photo(n=1, caption="", image="photos/a.jpg")])
    assert original_fields(photos)["title"] == "Photo, undated"
