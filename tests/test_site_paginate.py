"""The one paginator (site/paginate.py): pages of a list and the pager between them (mutation-tested)."""

from scripts.site.paginate import Page, paginate, pager
from scripts.site.paths import tag_path


def path_of(n: int) -> str:
    return "archive/index.md" if n == 1 else f"archive/{n}.md"


def test_pages_of_a_fixed_size_and_a_shorter_last_one():
    assert paginate(list("abcde"), 2, path_of) == [
        Page(1, 3, "archive/index.md", ["a", "b"]), Page(2, 3, "archive/2.md", ["c", "d"]),
        Page(3, 3, "archive/3.md", ["e"])]


def test_a_list_that_fills_its_pages_exactly_has_no_empty_page():
    assert [p.items for p in paginate(list("abcd"), 2, path_of)] == [["a", "b"], ["c", "d"]]


def test_an_empty_list_has_its_first_page():
    assert paginate([], 10, path_of) == [Page(1, 1, "archive/index.md", [])]


def test_no_pager_on_a_list_of_one_page():
    assert pager("en", 1, 1, path_of) == ""


def test_the_pager_links_the_newer_and_the_older_page():
    assert pager("en", 1, 3, path_of) == (
        '\n<nav class="pager" markdown="span">Page 1 of 3 · [Older posts →](2.md)</nav>\n')
    assert pager("en", 2, 3, path_of) == (
        '\n<nav class="pager" markdown="span">[← Newer posts](index.md) · Page 2 of 3 · [Older posts →](3.md)</nav>\n')
    assert pager("ru", 3, 3, path_of) == (
        '\n<nav class="pager" markdown="span">[← Более поздние публикации](2.md) · Страница 3 из 3</nav>\n')


def test_a_tags_two_pages_link_across_folders():
    # A tag's first page is tags/<slug>.md, its later pages tags/<slug>/<n>.md: links start from the page itself.
    pages = lambda n: tag_path("wwii", n)  # noqa: E731
    assert pager("en", 1, 2, pages) == '\n<nav class="pager" markdown="span">Page 1 of 2 · [Older posts →](wwii/2.md)</nav>\n'
    assert pager("en", 2, 2, pages) == '\n<nav class="pager" markdown="span">[← Newer posts](../wwii.md) · Page 2 of 2</nav>\n'
