"""No generated page grows with the number of posts: lists paginate, indexes cap what they show."""

from scripts.site import generate as gen
from scripts.sources.write import import_paths


def build(tmp_path, n: int) -> dict[str, int]:
    source = tmp_path / f"page-{n}.txt"
    source.write_text("".join(
        f"Forwarded from Channel {i % 3}\nPost number {i} remembers the day: On May 9, 1945, the war in Europe ended.\n"
        f"Its own second paragraph, number {i}.\n#Victory #Tag{i % 4}\n" for i in range(n)), encoding="utf-8")
    content, docs = tmp_path / f"content-{n}", tmp_path / f"docs-{n}"
    import_paths([source], content)
    result = gen.generate(content, docs)
    assert result.posts == n
    return {p.relative_to(docs).as_posix(): p.stat().st_size for p in docs.rglob("*.md") if "/posts/" not in p.as_posix()}


def test_list_pages_do_not_grow(tmp_path):
    small, large = build(tmp_path, 120), build(tmp_path, 360)
    assert len(large) > len(small)  # more pages, not longer ones
    assert max(large.values()) <= max(small.values()) + 1024
    for path in ("en/index.md", "ru/timeline.md", "tr/on-this-day.md", "en/tags/victory.md", "en/archive/index.md",
                 "ru/days/1945-05-09.md", "en/sources/index.md"):
        assert large[path] <= small[path] + 256, path
    assert "en/tags/victory/8.md" in large and "en/days/1945-05-09/8.md" in large
