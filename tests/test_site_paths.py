"""Where generated pages live and how they link (site/paths.py): the addresses a reader follows (mutation-tested)."""

from scripts.site.paths import (
    archive_path,
    cross_link,
    link,
    post_path,
    safe_tag_slug,
    tag_path,
    tags_index_path,
    url_of,
)


def test_page_files():
    assert post_path("elbe-1945") == "posts/elbe-1945.md"
    assert (tag_path("wwii"), tag_path("wwii", 2)) == ("tags/wwii.md", "tags/wwii/2.md")
    assert (tags_index_path(), tags_index_path(3)) == ("tags/index.md", "tags/page/3.md")
    assert (archive_path(), archive_path(2)) == ("archive/index.md", "archive/2.md")


def test_tag_slugs_that_the_site_takes_are_renamed():
    assert [safe_tag_slug(s) for s in ("index", "page", "wwii", "pages")] == ["index-tag", "page-tag", "wwii", "pages"]


def test_urls_in_each_language():
    assert (url_of("en", "index.md"), url_of("ru", "index.md"), url_of("tr", "index.md")) == ("", "ru/", "tr/")
    assert url_of("en", "tags/index.md") == "tags/"
    assert url_of("en", "posts/elbe.md") == "posts/elbe/"
    assert url_of("tr", "posts/elbe.md") == "tr/posts/elbe/"
    assert url_of("en", "tags/myindex.md") == "tags/myindex/"
    assert url_of("ru", "feed.xml") == "ru/feed.xml"


def test_links_between_pages_of_one_language():
    assert link("index.md", "posts/elbe.md") == "posts/elbe.md"
    assert link("posts/elbe.md", "posts/torgau.md") == "torgau.md"
    assert link("posts/elbe.md", "tags/wwii.md") == "../tags/wwii.md"
    assert link("posts/elbe.md", "index.md") == "../index.md"
    assert link("tags/wwii/2.md", "tags/wwii.md") == "../wwii.md"
    assert link("tags/wwii/2.md", "tags/wwii/3.md") == "3.md"
    assert link("tags/wwii/2.md", "tags/index.md") == "../index.md"
    assert link("tags/wwii/2.md", "archive/2.md") == "../../archive/2.md"
    assert link("tags/wwii.md", "tags/wwii/2.md") == "wwii/2.md"


def test_links_to_the_same_page_in_another_language():
    assert cross_link("en", "posts/elbe.md", "ru", "posts/elbe.md") == "../../ru/posts/elbe/"
    assert cross_link("ru", "posts/elbe.md", "en", "posts/elbe.md") == "../../../posts/elbe/"
    assert cross_link("ru", "posts/elbe.md", "tr", "posts/elbe.md") == "../../../tr/posts/elbe/"
    assert cross_link("en", "index.md", "ru", "index.md") == "ru/"
    assert cross_link("ru", "index.md", "en", "index.md") == "../"
    assert cross_link("tr", "tags/index.md", "en", "index.md") == "../../"
    assert cross_link("en", "index.md", "en", "index.md") == "./"
    assert cross_link("en", "posts/elbe.md", "en", "posts/elbe.md") == "./"
