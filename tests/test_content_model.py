"""The content model: messages on one line, errors sorted and picklable, the language and labels a page shows,
the order of posts."""

import datetime as dt
import pickle

from scripts.content.model import (ContentError, ContentErrors, Entry, Event, GalleryItem, Paragraph, Post, Tag,
                                   Version, one_line)


def test_one_line_spells_line_breaks_controls_and_undecodable_bytes_as_escapes():
    assert one_line("Victory Day, 1945") == "Victory Day, 1945"
    assert one_line("a\nb\u2028c\x07d\te") == "a\\nb\\u2028c\\x07d\\te"
    assert one_line("name\udcff\udc80.md") == "name\\xff\\x80.md"
    assert one_line("\udc7f") == "\\udc7f"  # a lone surrogate below the escaped-byte range is not a byte
    assert one_line("Победа\n") == "Победа\\n"  # printable letters stay as they are


def test_a_content_error_reads_path_line_problem_and_without_a_line_path_problem():
    e = ContentError("content/posts/a/meta.yml", 3, "date: 'x' (expected YYYY-MM-DD)")
    assert str(e) == "content/posts/a/meta.yml:3: date: 'x' (expected YYYY-MM-DD)"
    assert (e.path, e.line, e.problem) == ("content/posts/a/meta.yml", 3, "date: 'x' (expected YYYY-MM-DD)")
    assert str(ContentError("content/tags.yml", None, "bad\nthing")) == "content/tags.yml: bad\\nthing"
    assert str(ContentError("content/tags.yml", 0, "bad")) == "content/tags.yml: bad"


def test_content_errors_are_sorted_by_path_line_and_problem_one_per_line():
    errors = ContentErrors([ContentError("b.yml", 2, "z"), ContentError("a.yml", 10, "y"),
                            ContentError("a.yml", None, "x"), ContentError("a.yml", 10, "w"),
                            ContentError("a.yml", 9, "v")])
    assert str(errors) == "a.yml: x\na.yml:9: v\na.yml:10: w\na.yml:10: y\nb.yml:2: z"
    assert (errors.path, errors.line, errors.problem) == ("a.yml", None, "x")
    no_line_first = ContentErrors([ContentError("a.yml", 1, "a"), ContentError("a.yml", None, "z")])
    assert str(no_line_first) == "a.yml: z\na.yml:1: a"
    first = ContentErrors([ContentError("a.yml", 7, "late"), ContentError("a.yml", 2, "early")])
    assert (first.line, first.problem) == (2, "early")


def test_errors_come_back_whole_from_a_worker_process():
    one = pickle.loads(pickle.dumps(ContentError("a.yml", 4, "bad")))
    assert type(one) is ContentError and str(one) == "a.yml:4: bad" and one.line == 4
    many = pickle.loads(pickle.dumps(ContentErrors([ContentError("b.yml", 1, "q"), ContentError("a.yml", 2, "p")])))
    assert type(many) is ContentErrors and str(many) == "a.yml:2: p\nb.yml:1: q"
    assert [str(e) for e in many.errors] == ["a.yml:2: p", "b.yml:1: q"]


def _post(*paragraphs):
    return Post(paragraphs=list(paragraphs), source_name="MFA", source_kind="manual")


def test_a_posts_language_is_the_one_most_of_its_text_is_written_in():
    assert _post(Paragraph("Победа!", "ru"), Paragraph("Victory Day in Moscow", "en")).lang == "en"
    assert _post(Paragraph("День Победы в Москве", "ru"), Paragraph("Victory", "en"),
                 Paragraph("Zafer", "tr")).lang == "ru"
    assert _post(Paragraph("Zafer günü", "tr"), Paragraph("#Victory 🎖", None)).lang == "tr"
    assert _post(Paragraph("Tag der Befreiung", "de")).lang == "de"


def test_a_post_without_words_is_english_and_a_tie_goes_to_the_site_language_listed_first():
    assert _post().lang == "en"
    assert _post(Paragraph("🎖🎖", None)).lang == "en"
    assert _post(Paragraph("abcd", "tr"), Paragraph("abcd", "ru")).lang == "ru"
    assert _post(Paragraph("abcd", "de"), Paragraph("abcd", "tr")).lang == "tr"
    assert _post(Paragraph("abcd", "pl"), Paragraph("abcd", "uk")).lang == "uk"


def test_a_tag_label_falls_back_to_english_then_any_then_the_slug():
    tag = Tag("victory", (("ru", "Победа"), ("en", "Victory")))
    assert tag.label("ru") == "Победа"
    assert tag.label("tr") == "Victory"
    assert Tag("zafer", (("tr", "Zafer"),)).label("ru") == "Zafer"
    assert Tag("allies").label("en") == "allies"


def test_tags_compare_and_hash_by_slug_only():
    assert Tag("victory", (("en", "Victory"),)) == Tag("victory", (("en", "V-Day"),), ("VDay",))
    assert Tag("victory") != Tag("allies")
    assert Tag("victory") != "victory"
    assert len({Tag("victory"), Tag("victory", (("en", "V"),)), Tag("allies")}) == 2


def test_a_photographer_in_a_language_falls_back_to_the_one_name_then_english():
    item = GalleryItem(1, None, {"en": "Ivan Shagin", "ru": "Иван Шагин"}, None, None)
    assert item.photographer_in("ru") == "Иван Шагин"
    assert item.photographer_in("tr") == "Ivan Shagin"
    both = GalleryItem(2, None, {"": "Yevgeny Khaldei", "en": "E. Khaldei"}, None, None)
    assert both.photographer_in("tr") == "Yevgeny Khaldei"
    assert GalleryItem(3, None, {}, None, None).photographer_in("en") is None


def _entry(id, date=None):
    version = Version("ru", "Парад", "Текст", {}, f"content/posts/{id}/ru.md")
    return Entry(id=id, path=f"content/posts/{id}", lang="ru", source={}, versions={"ru": version}, date=date)


def test_the_original_is_the_version_in_the_posts_language():
    entry = _entry("parade")
    assert entry.original.title == "Парад"


def test_posts_sort_newest_first_then_undated_last_then_by_id():
    posts = [_entry("b-undated"), _entry("a-old", dt.date(1941, 11, 7)), _entry("a-undated"),
             _entry("new-b", dt.date(2023, 5, 9)), _entry("new-a", dt.date(2023, 5, 9))]
    assert [p.id for p in sorted(posts, key=Entry.sort_key)] == ["new-a", "new-b", "a-old", "a-undated", "b-undated"]


def test_entries_are_equal_only_to_themselves():
    a, b = _entry("parade"), _entry("parade")
    assert a == a and a != b
    assert len({a, b}) == 2


def test_an_event_name_falls_back_to_english_then_any_then_nothing():
    event = Event(dt.date(1945, 5, 9), (("ru", "День Победы"), ("en", "Victory Day")))
    assert event.name("ru") == "День Победы"
    assert event.name("tr") == "Victory Day"
    assert Event(dt.date(1945, 5, 9), (("tr", "Zafer Günü"),)).name("en") == "Zafer Günü"
    assert Event(dt.date(1945, 5, 9), ()).name("en") == ""
