"""`python -m scripts bench-hostile`: its inputs are what they say, every post is imported, and its table
has the columns the README shows. Nothing here asserts a timing."""

from scripts.bench import hostile


def test_the_page_of_short_posts_and_the_post_of_many_hashtags(tmp_path):
    page = hostile.many_short_posts(tmp_path / "page.txt", 60)
    assert page.read_text(encoding="utf-8").count("Forwarded from ") == 60
    assert 145 * 60 < page.stat().st_size < 160 * 60  # about 152 bytes a post: 66,000 make 10 MB
    rows = [hostile.measure("page", page, tmp_path / "p", generate=False),
            hostile.measure("tags", hostile.many_hashtags(tmp_path / "tags.txt", 300), tmp_path / "t", generate=True)]
    assert (rows[0]["posts"], rows[0]["hashtags"], rows[0]["generate s"]) == (60, 60, None)
    assert (rows[1]["posts"], rows[1]["hashtags"]) == (1, 300) and rows[1]["generate s"] > 0
    assert len(list((tmp_path / "t" / "docs" / "en" / "tags").glob("tag*.md"))) == 300
    header, rule, *lines = hostile.render_table(rows).splitlines()
    assert header == ("| case | source MB | posts | hashtags | import s | posts/s | hashtags/s | check s | "
                      "generate s |")
    assert lines[0].startswith("| page | 0.0 | 60 | 60 | ") and lines[1].startswith("| tags | 0.0 | 1 | 300 | ")
