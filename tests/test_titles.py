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


def _linked(*spans) -> Post:
    paragraph = Paragraph("".join(s.text for s in spans), "ru", tuple(spans))
    return Post(paragraphs=[paragraph], source_name="Channel", source_kind="telegram-html",
                title=title_from([paragraph.text]))


def test_a_one_sentence_post_with_a_link_says_the_sentence_once_and_keeps_the_link():
    """A real channel's message: 'Ошибочно Приняли За Величайшего Гения, <a href=…>Глава 0 (пролог)</a>'
    was its title and, again, its body."""
    from scripts.content.model import Span

    url = "https://telegra.ph/Glava-0-10-25"
    fields = original_fields(_linked(Span("Ошибочно приняли за гения, "), Span("Глава 0 (пролог)", href=url)))
    assert fields["title"] == "Ошибочно приняли за гения, Глава 0 (пролог)"
    assert fields["body"] == f"[Глава 0 (пролог)](<{url}>)"
    assert "Ошибочно" not in fields["body"]


def test_the_rest_of_a_linked_paragraph_keeps_its_marks():
    from scripts.content.model import Span

    fields = original_fields(_linked(Span("Day one. "), Span("Read the "), Span("statement", href="https://example.org/s"),
                                     Span(" in "), Span("full", bold=True), Span(".")))
    assert fields["title"] == "Day one."
    assert fields["body"] == "Read the [statement](<https://example.org/s>) in **full**."


def test_two_links_in_the_title_sentence_stay_as_links():
    from scripts.content.model import Span

    fields = original_fields(_linked(Span("See "), Span("this", href="https://a.example/1"), Span(" and "),
                                     Span("that", href="https://a.example/2"), Span(".")))
    assert fields["title"] == "See this and that."
    assert fields["body"] == "[this](<https://a.example/1>) · [that](<https://a.example/2>)"


def test_a_first_line_without_a_full_stop_is_the_title_and_leaves_the_body():
    """A real channel's 'Стал Покровителем Злодеев, Главы 114-118 (…?)' line, then a line per linked chapter."""
    fields = original_fields(post("Victory Day in Moscow (photos)\nThe parade began at ten.\nVeterans came."))
    assert fields["title"] == "Victory Day in Moscow (photos)"
    assert fields["body"] == "The parade began at ten.  \nVeterans came."


def test_hashtags_left_after_the_title_sentence_are_the_tags_not_a_paragraph():
    """'22 Haziran 1941: Büyük Vatanseverlik Savaşı başladı. #22Haziran': the body was '\\#22Haziran',
    a tag written as text that links nowhere; the tag is the post's, listed on the page."""
    p = post("22 Haziran 1941: savaş başladı. #22Haziran")
    p.tags = ["22Haziran"]
    fields = original_fields(p)
    assert fields["title"] == "22 Haziran 1941: savaş başladı."
    assert fields["body"] == ""
    other = post("22 Haziran 1941: savaş başladı. #Elsewhere")  # a tag the post does not carry stays text
    assert original_fields(other)["body"] == "\\#Elsewhere"
