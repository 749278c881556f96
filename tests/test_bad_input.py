"""The bad-input corpus (tests/fixtures/bad_input/): each file gets a clear message or safe handling,
with nothing lost and nothing half-written."""

import re
import shutil
from pathlib import Path

import markdown
import pytest

from scripts.cli import main
from scripts.content.load import load_content
from scripts.content.model import ContentError
from scripts.site import generate as gen
from scripts.sources.write import import_paths
from tests.conftest import ROOT

BAD = ROOT / "tests" / "fixtures" / "bad_input"
EXTENSIONS = ["attr_list", "md_in_html", "admonition", "tables", "toc"]


@pytest.fixture
def content(tmp_path) -> Path:
    root = tmp_path / "content"
    root.mkdir()
    return root


def tree(root: Path) -> dict:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def refused(content: Path, name: str, capsys) -> str:
    before = tree(content)
    assert main(["--content", str(content), "import", str(BAD / name)]) == 1
    err = capsys.readouterr().err
    assert tree(content) == before  # nothing written
    assert "Traceback" not in err
    return err.strip()


def imported(content: Path, name: str):
    report = import_paths([BAD / name], content)
    return report, load_content(content)


def page_html(content: Path, tmp_path: Path, lang: str, post_id: str) -> str:
    gen.generate(content, tmp_path / "docs")
    text = (tmp_path / "docs" / lang / "posts" / f"{post_id}.md").read_text(encoding="utf-8")
    return markdown.markdown(text.split("---\n", 2)[2], extensions=EXTENSIONS)


def test_empty_file(content, capsys):
    assert refused(content, "empty.txt", capsys).endswith(
        "empty.txt:1: the file is empty (expected a saved t.me/s channel page (HTML, or its copied text), a Telegram "
        "Desktop export (messages.html or result.json), a saved Telegram channel page with 'Forwarded from <channel>' "
        "lines, a saved news article page (HTML with Open Graph or JSON-LD NewsArticle metadata), or a saved "
        "photo-gallery article with '©' credit lines and 'N/M' counters)")


def test_binary_file(content, capsys):
    assert refused(content, "binary.jpg", capsys).endswith(
        "binary.jpg:1: a JPEG image, not a saved page (expected a saved page, article or export as text: a photo "
        "belongs in a post folder, beside meta.yml, named in its gallery as image: binary.jpg)")


@pytest.mark.parametrize("name, text", [("cp1251.txt", "Парад 7 ноября 1941 года вошёл в историю."),
                                        ("bom.txt", "The meeting on the Elbe took place in 1945."),
                                        ("utf16.txt", "Zafer Günü kutlu olsun! Bugün büyük bir gün.")])
def test_other_encodings_are_read(content, name, text):
    report, loaded = imported(content, name)
    [entry] = loaded.entries
    # The first sentence is the title (sources/write.py title_once), the rest the body: the text once, whole.
    assert f"{entry.original.title} {entry.original.body}".strip() == text
    assert (content / "sources" / name).read_bytes() == (BAD / name).read_bytes()  # archived verbatim


def test_a_saved_page_with_no_posts(content, capsys):
    assert refused(content, "no_posts.txt", capsys).endswith(
        "no_posts.txt:1: no posts found in this telegram-web source (expected a saved t.me/s channel page (HTML, or "
        "its copied text), a Telegram Desktop export (messages.html or result.json), a saved Telegram channel page "
        "with 'Forwarded from <channel>' lines, a saved news article page (HTML with Open Graph or JSON-LD NewsArticle "
        "metadata), or a saved photo-gallery article with '©' credit lines and 'N/M' counters)")


def test_a_post_with_only_hashtags(content, tmp_path):
    report, loaded = imported(content, "only_hashtags.txt")
    [entry] = loaded.entries
    assert [t.slug for t in entry.tags] == ["victory78", "9maya", "wwii"]
    assert entry.original.body == ""
    assert entry.original.title == "#Victory78 #9мая #WWII"
    assert "Victory78" in page_html(content, tmp_path, "ru", entry.id)


def test_gallery_with_a_missing_counter(content):
    report, loaded = imported(content, "gallery_missing_counter.txt")
    assert len(loaded.entries[0].gallery) == 3
    assert any("photo counters skip 2/3" in a for a in report.attention)
    assert any("1 photo(s) without a counter" in a for a in report.attention)


def test_gallery_with_counters_out_of_order(content):
    report, loaded = imported(content, "gallery_out_of_order.txt")
    assert [c for c in loaded.entries[0].original.captions.values()] == [
        "First photo caption.", "Second photo caption.", "Third photo caption."]
    assert any("photo counters out of order: 2, 1, 3" in a for a in report.attention)


def test_ten_megabytes_of_text(content, tmp_path):
    """100 posts of 100 KB, each scraped twice over: imported in linear time, each paragraph kept once."""
    big = tmp_path / "big.txt"
    posts = []
    for i in range(100):
        paragraphs = [f"Post {i}, paragraph {k}: words that differ from every other paragraph here." for k in range(700)]
        posts.append(f"Forwarded from Channel {i % 7}\n" + "\n".join(paragraphs + paragraphs) + f"\n#Tag{i % 50}\n")
    big.write_text("".join(posts), encoding="utf-8")
    assert big.stat().st_size > 10_000_000
    report = import_paths([big], content)
    assert len(report.created) == 100
    body = (content / "posts" / "post-99-paragraph-0-words-that" / "en.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    assert body.count("Post 99, paragraph 699:") == 1 and body.count("\n\n") == 699


def test_html_and_script_in_a_post_are_shown_as_text(content, tmp_path):
    report, loaded = imported(content, "html_script.txt")
    html = page_html(content, tmp_path, "en", loaded.entries[0].id)
    assert "<script>alert" not in html and "<b onclick" not in html and "<img src=x" not in html
    assert '&lt;script&gt;alert("x")&lt;/script&gt;' in html
    assert "&lt;b onclick=\"steal()\"&gt;here&lt;/b&gt; &amp;amp; now." in html


def test_html_in_a_gallery_caption_is_shown_as_text(content, tmp_path):
    report, loaded = imported(content, "gallery_html_caption.txt")
    html = page_html(content, tmp_path, "ru", loaded.entries[0].id)
    assert "<script>alert(1)</script>" not in html
    assert "A caption with &lt;script&gt;alert(1)&lt;/script&gt; inside." in html


def test_markdown_control_characters_are_text(content, tmp_path):
    report, loaded = imported(content, "markdown_chars.txt")
    html = page_html(content, tmp_path, "en", loaded.entries[0].id)
    article = html.split('<aside class="lang-notice">', 1)[1]
    assert not re.search(r"<(h1|h2|ol|ul|li|em|code|table)\b", article.split("</aside>", 1)[1].split('<p class="tags"')[0].split('<h2 id="provenance"')[0])
    assert "javascript:" not in re.findall(r'href="([^"]*)"', html).__str__()
    assert "<p># Not a heading</p>" in html and "<p>1. Not a list item</p>" in html
    assert "*not emphasis* _not emphasis_ [not a link](javascript:alert(1)) a | b | c {: onclick=x } `code` &lt;br&gt;" in html


def test_invisible_characters_inside_hashtags(content):
    report, loaded = imported(content, "invisible_hashtags.txt")
    assert [t.slug for t in loaded.entries[0].tags] == ["victory78", "wwii", "may9"]


def test_hashtags_equal_but_for_case_or_turkish_i_share_a_page(content):
    report, loaded = imported(content, "turkish_i_hashtags.txt")
    slugs = {t.slug for e in loaded.entries for t in e.tags}
    assert slugs == {"ikincidunyasavasi"}


def test_two_posts_that_would_claim_one_id(content):
    report, loaded = imported(content, "same_title.txt")
    ids = [e.id for e in loaded.entries]
    assert len(ids) == len(set(ids)) == 2
    assert "victory-day-parade-in-moscow" in ids


def test_a_path_like_id_is_refused(content, capsys):
    shutil.copytree(ROOT / "tests/fixtures/golden_content", content, dirs_exist_ok=True)
    (content / "posts" / "parade-1941").rename(content / "posts" / "a..b")
    with pytest.raises(ContentError) as info:
        load_content(content)
    assert "content/posts/a..b: post id 'a..b' is not a lowercase slug" in str(info.value)
    assert main(["--content", str(content), "new", "--title", "../../etc/passwd", "--lang", "en", "--source", "x"]) == 0
    assert (content / "posts" / "etc-passwd" / "meta.yml").exists()  # slugified inside content/posts/


def test_malformed_front_matter(content):
    shutil.copytree(ROOT / "tests/fixtures/golden_content", content, dirs_exist_ok=True)
    (content / "posts/parade-1941/en.md").write_text("---\ntitle: [unclosed\n---\nText\n", encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_content(content)
    assert str(info.value).startswith("content/posts/parade-1941/en.md:2: YAML syntax:")


def test_an_unknown_language_file(content):
    shutil.copytree(ROOT / "tests/fixtures/golden_content", content, dirs_exist_ok=True)
    (content / "posts/parade-1941/de.md").write_text("---\ntitle: Parade\n---\n", encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_content(content)
    assert str(info.value) == ("content/posts/parade-1941/de.md: unknown language file 'de.md' "
                               "(expected one of: en.md, ru.md, tr.md)")


def test_a_translation_without_its_original(content):
    shutil.copytree(ROOT / "tests/fixtures/golden_content", content, dirs_exist_ok=True)
    (content / "posts/parade-1941/ru.md").unlink()
    with pytest.raises(ContentError) as info:
        load_content(content)
    assert str(info.value) == ("content/posts/parade-1941/ru.md: missing the original text "
                               "(meta.yml says lang: ru; expected ru.md)")
