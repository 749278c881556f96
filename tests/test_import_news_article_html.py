"""The saved news article importer (a gallery page saved "complete" or "HTML only"): title, date, address
and publisher from the page's metadata, the intro and body once, each photo once with its caption and
credit, images copied from the page's _files folder or recorded as not captured with their address."""

import datetime as dt
import html
import re
import shutil
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from scripts.cli import main
from scripts.content.load import load_content
from scripts.content.model import ContentError, Photo
from scripts.site import generate as gen
from scripts.site import open_data
from scripts.sources import detect
from scripts.sources import news_article_html as article
from scripts.sources.write import original_fields, render_markdown as render_file
from scripts.text.inline import render_markdown
from tests.conftest import GALLERY_SEED, TELEGRAM_SEED, link_targets
from tests.test_inline import EXTENSIONS  # the site's Markdown extensions, read from mkdocs.yml

FOLDER = Path(__file__).parent / "fixtures" / "sources" / "news_article"
PAGE = (FOLDER / "elbe.html").read_text(encoding="utf-8")
ADDRESS = "https://sputnikglobe.com/20240425/spirit-of-the-elbe-1118123400.html"
CDN = "https://cdn1.img.sputnikglobe.com/img/07e8/04/19/{}_0:0:1024:768_1440x900_80_0_1_x.jpg"
CAPTIONS = ["Residents of Torgau greet the Allied troops at a ceremony marking the link-up on the Elbe, 1945.",
            "Soldiers of the 1st Ukrainian Front meet soldiers of the 1st US Army near Strehla.",
            'Lieutenant William Robertson and Lieutenant Alexander Silvashko under the sign "East Meets West".']
BODY = ["On April 25, 1945, Soviet and American soldiers met on the Elbe at Torgau, cutting the Reich in two.",
        "The two patrols found each other on a wrecked bridge, and the handshake was photographed by both armies.",
        "For decades veterans of both countries came back to Torgau; read their letters and the oath they swore on "
        "the riverbank.",
        "Take a look at Sputnik's gallery of the meeting.",
        "The monument on the right bank of the Elbe still bears the words of that day."]
CHROME = ["World War II", "Germany", "Share", "Telegram", "Subscribe", "All rights reserved", "2087", "Multimedia",
          "Go to the mediabank", "1/3", "updated", "13:59 GMT", "Sputnik International", "©"]


@pytest.fixture(scope="module")
def post():
    [p] = article.parse(PAGE)
    return p


def test_title_date_address_and_publisher_come_from_the_metadata(post):
    assert post.title == "Spirit of the Elbe: How the Allies Met in 1945"
    assert (post.date, post.time, post.published) == (dt.date(2024, 4, 25), "13:59 UTC", "2024-04-25T13:59:00+00:00")
    assert not any("inferred" in w for w in post.warnings)  # exact: the page states it
    assert (post.url, post.identity) == (ADDRESS, f"web:{ADDRESS}")
    assert (post.source_name, post.source_kind, post.lang) == ("Sputnik International", "news-article-html", "en")
    assert post.commemorates == [dt.date(1945, 4, 25)]
    assert post.warnings == []


def test_intro_and_body_once_with_links_and_emphasis(post):
    assert [p.text for p in post.paragraphs] == BODY  # og:description, the announce and JSON-LD repeat the intro
    link = post.paragraphs[2].spans[1]
    assert (link.text, link.href) == ("their letters", "https://sputnikglobe.com/20200425/elbe-veterans-1079081234.html")
    assert post.paragraphs[1].spans[1].bold and post.paragraphs[2].spans[3].italic


def test_each_photo_once_with_its_caption_credit_local_file_and_address(post):
    assert post.photos == [
        Photo(1, CAPTIONS[0], agency="Sputnik", photographer="Ivan Shagin", image="elbe_files/1118123402.jpg",
              url=CDN.format(1118123402)),
        Photo(2, CAPTIONS[1], agency="Sputnik", photographer="Anatoly Egorov", image="elbe_files/1118123403.jpg",
              url=CDN.format(1118123403)),
        Photo(3, CAPTIONS[2], photographer="Pfc. William E. Poulson", rights="Public domain",
              image="elbe_files/1118123404.jpg", url=CDN.format(1118123404)),
    ]


def test_every_sentence_once_and_no_page_furniture(post):
    texts = [p.text for p in post.paragraphs] + [p.caption for p in post.photos] + [post.title]
    for sentence in BODY + CAPTIONS:
        assert sum(t.count(sentence) for t in texts) == 1, sentence
    for chrome in CHROME:
        assert not any(chrome in t for t in texts), chrome


def test_a_figure_without_caption_or_credit_takes_them_from_the_json_ld():
    bare = re.sub(r"<figcaption.*?</figcaption>", "", PAGE, flags=re.S)
    [p] = article.parse(bare)
    assert [(x.caption, x.agency, x.photographer, x.rights) for x in p.photos] == [
        (CAPTIONS[0], "Sputnik", "Ivan Shagin", None), (CAPTIONS[1], "Sputnik", "Anatoly Egorov", None),
        (CAPTIONS[2], None, "Pfc. William E. Poulson", "Public domain")]


def test_a_page_without_figures_has_the_json_ld_photos_not_captured():
    [p] = article.parse(re.sub(r"<figure.*?</figure>", "", PAGE, flags=re.S))
    assert [(x.n, x.caption, x.image, x.url) for x in p.photos] == [
        (n, c, None, CDN.format(1118123401 + n)) for n, c in enumerate(CAPTIONS, 1)]


@pytest.mark.parametrize("written, date, time, published", [
    ("2024-04-25", dt.date(2024, 4, 25), None, None),  # a day only: no time is made up
    ("2024-04-25T16:59:00+03:00", dt.date(2024, 4, 25), "16:59 UTC+03:00", "2024-04-25T16:59:00+03:00"),
    ("2024-04-25T13:59:00Z", dt.date(2024, 4, 25), "13:59 UTC", "2024-04-25T13:59:00+00:00"),
    ("2024-04-25T13:59", dt.date(2024, 4, 25), "13:59", None),  # no offset: the time as written, no instant
])
def test_the_publication_time_as_the_page_states_it(written, date, time, published):
    [p] = article.parse(PAGE.replace('content="20240425T1359+0000"', f'content="{written}"'))
    assert (p.date, p.time, p.published) == (date, time, published)


def test_a_publication_time_the_calendar_has_not_names_its_line():
    broken = PAGE.replace('content="20240425T1359+0000"', 'content="2024-02-30T13:59"')
    line = broken.split("\n").index('<meta property="article:published_time" content="2024-02-30T13:59">') + 1
    with pytest.raises(ContentError) as e:
        article.parse(broken)
    assert str(e.value) == (f"article.html:{line}: article:published_time '2024-02-30T13:59' is not a date and time "
                            '(expected ISO 8601, e.g. "2024-04-25T13:59:00+00:00")')


def test_broken_json_ld_is_said_and_the_page_still_read():
    head = PAGE.index('<script type="application/ld+json">')
    line = PAGE.count("\n", 0, head) + 1
    for bad, why in (("{" * 3, "is not valid JSON"), ('{"a":' * 5000 + "1" + "}" * 5000, "is nested too deeply to read")):
        broken = PAGE[:head] + f'<script type="application/ld+json">{bad}</script>' + PAGE[head:]
        [p] = article.parse(broken)
        assert p.warnings == [f"line {line}: the page's JSON-LD {why}; not read"]
        assert [x.caption for x in p.photos] == CAPTIONS


def test_found_by_content_and_no_other_format_takes_it():
    assert article.looks_like(PAGE)
    assert detect.parse_source(Path("saved.txt"), PAGE)[0] == "news-article-html"
    for other in (TELEGRAM_SEED, GALLERY_SEED, FOLDER.parent / "tme_s" / "channel.html",
                  FOLDER.parent / "tdesktop_html" / "ChatExport_2023-05-10" / "messages.html"):
        assert not article.looks_like(other.read_text(encoding="utf-8")), other


# --- through the command line ------------------------------------------------------------------------


def run(capsys, content, *paths):
    code = main(["--content", str(content), "import", *map(str, paths)])
    out, err = capsys.readouterr()
    return code, out, err


def only_post(content: Path) -> Path:
    [folder] = [p for p in (content / "posts").iterdir() if not p.name.startswith(".")]
    return folder


def test_import_saved_complete_copies_the_photos(tmp_path, capsys):
    code, out, err = run(capsys, tmp_path / "content", FOLDER / "elbe.html")
    assert (code, err) == (0, "")
    folder = only_post(tmp_path / "content")
    assert out.splitlines()[0] == (f"created content/posts/{folder.name} (elbe.html item 1, en: Spirit of the Elbe: "
                                   "How the Allies Met in 1945)")
    for n in (2, 3, 4):
        assert (folder / f"111812340{n}.jpg").read_bytes() == (FOLDER / "elbe_files" / f"111812340{n}.jpg").read_bytes()
    meta = (folder / "meta.yml").read_text(encoding="utf-8")
    assert "  kind: news-article-html\n" in meta and f"  url: {ADDRESS}\n" in meta
    assert "date: '2024-04-25'\ntime: 13:59 UTC\n" in meta and "date_inferred" not in meta
    assert "missing_media" not in meta and "cdn1.img" not in meta
    [entry] = load_content(tmp_path / "content").entries
    assert [g.image for g in entry.gallery] == ["1118123402.jpg", "1118123403.jpg", "1118123404.jpg"]


def test_import_without_the_files_folder_records_the_photos_as_not_captured(tmp_path, capsys):
    shutil.copy(FOLDER / "elbe.html", tmp_path / "elbe.html")
    code, out, _ = run(capsys, tmp_path / "content", tmp_path / "elbe.html")
    assert code == 0
    folder = only_post(tmp_path / "content")
    assert sorted(p.name for p in folder.iterdir()) == [".imported.json", "en.md", "meta.yml"]
    meta = (folder / "meta.yml").read_text(encoding="utf-8")
    assert "missing_media:\n- photo\n" in meta and "image:" not in meta
    assert [line for line in meta.splitlines() if line.startswith("  url: https://cdn1")] == [
        f"  url: {CDN.format(n)}" for n in (1118123402, 1118123403, 1118123404)]
    assert (f"attention: content/posts/{folder.name}: photo 1: elbe_files/1118123402.jpg is not beside the page "
            f"(saved without its files?): recorded as not captured, with its address {CDN.format(1118123402)}") in out
    load_content(tmp_path / "content")  # the recorded addresses are valid content


# --- any input -----------------------------------------------------------------------------------------

FRAGMENTS = st.sampled_from([
    '<meta property="og:type" content="article">', '<meta property="og:title" content="<b>T</b>">',
    '<meta property="article:published_time" content="2024-04-25T13:59:00Z">', '<meta property="og:url" content="',
    '<script type="application/ld+json">', "</script>", '{"@type":"NewsArticle","image":[{"@type":"ImageObject",',
    '"caption":"<img src=x onerror=alert(1)>","contentUrl":"https://e.org/a.jpg"}]}', "[[[[[[[[", '"datePublished":"x"',
    "<figure>", "</figure>", "<figcaption>", "</figcaption>", '<img src="./p_files/a.jpg">', '<img src="javascript:x">',
    '<div class="credit">© A / B</div>', "<p>", "</p>", "<div>", "</div>", "1/3", "<!--", "<![CDATA[", "&", "<", "\x00",
    '<link rel="canonical" href="javascript:alert(1)">', '<a href="javascript:alert(1)">x</a>', "*a*", "[a](b)", "`"])


@given(st.lists(FRAGMENTS | st.text(max_size=8), max_size=30))
@example(['<p>', '<!--', '<link rel="canonical" href="javascript:alert(1)">'])  # a comment never closed: its text
@settings(max_examples=300)
def test_any_input_gives_a_post_or_the_content_error(parts):
    try:
        posts = article.parse("".join(parts))
    except ContentError:
        return
    [post] = posts
    assert post.url is None or post.url.startswith(("https://", "http://"))
    assert_renders_as_text(post)


TEXT = st.lists(st.sampled_from(list("ab <>&\"'*_[]()`#!\\/=:;éя") + ["script", "onerror", "javascript:", "<img src=x>"]),
                min_size=1, max_size=20).map("".join)


@given(TEXT, TEXT, TEXT)
@settings(max_examples=150)
def test_markup_in_the_page_comes_out_escaped(title, paragraph, caption):
    page = (f'<html><head><meta property="og:type" content="article"><meta property="og:title" content="{html.escape(title)}">'
            f'</head><body><article><p>{html.escape(paragraph)}</p><figure><img src="https://e.org/a.jpg">'
            f"<figcaption>{html.escape(caption)}</figcaption></figure></article></body></html>")
    [post] = article.parse(page)
    assert_renders_as_text(post)
    body = markdown.markdown(render_file(original_fields(post)).split("---\n", 2)[2], extensions=EXTENSIONS)
    assert not re.search(r"<(?!/?(p|strong|em|a|br|code)\b)", body), body


def assert_renders_as_text(post):
    """Each paragraph and caption of the Markdown the importer writes shows as its text, with no tag
    the source wrote and only safe links."""
    for para in post.paragraphs:
        out = markdown.markdown(render_markdown(para), extensions=EXTENSIONS)
        assert set(re.findall(r"</?([a-z0-9]+)", out)) <= {"p", "strong", "em", "a", "br", "code"}, out
        assert all(h.startswith(("https://", "http://", "mailto:", "tg:")) for h in link_targets(out)), out
        assert " ".join(html.unescape(re.sub(r"<[^>]+>", "", out)).split()) == " ".join(para.text.split()), out
    for photo in post.photos:
        from scripts.text.escape import escape_markdown
        out = markdown.markdown(escape_markdown(photo.caption), extensions=EXTENSIONS) if photo.caption.strip() else ""
        assert not re.search(r"<(?!/?p>)", out), out


# --- hostile pages -----------------------------------------------------------------------------------


def test_script_in_the_title_a_javascript_address_and_a_quote_in_an_image_name(tmp_path, capsys):
    name = 'x" onerror="alert(1).jpg'
    (tmp_path / "evil_files").mkdir()
    shutil.copy(FOLDER / "elbe_files" / "1118123402.jpg", tmp_path / "evil_files" / name)
    page = (PAGE.replace('content="Spirit of the Elbe: How the Allies Met in 1945">',
                         'content="&lt;script&gt;alert(1)&lt;/script&gt; Elbe">', 1)
            .replace(f'<meta property="og:url" content="{ADDRESS}">', '<meta property="og:url" content="javascript:alert(1)">')
            .replace(f'<link rel="canonical" href="{ADDRESS}">', "")
            .replace(ADDRESS, "javascript:alert(2)")
            .replace("./elbe_files/1118123402.jpg", "./evil_files/x&quot; onerror=&quot;alert(1).jpg"))
    (tmp_path / "evil.html").write_text(page, encoding="utf-8")
    content = tmp_path / "content"
    code, out, err = run(capsys, content, tmp_path / "evil.html")
    assert (code, err) == (0, "")
    folder = only_post(content)
    meta = (folder / "meta.yml").read_text(encoding="utf-8")
    assert "javascript" not in meta and "source:\n" in meta and "  url:" not in meta.split("gallery:")[0]
    assert (f"attention: content/posts/{folder.name}: the page's address 'javascript:alert(1)' is not an http or "
            "https address; not recorded") in out
    assert (folder / name).is_file() and yaml.safe_load(meta)["gallery"][0]["image"] == name
    gen.generate(content, tmp_path / "docs")
    page_md = (tmp_path / "docs" / "en" / "posts" / f"{folder.name}.md").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in page_md and "&lt;script&gt;alert(1)&lt;/script&gt;" in page_md
    assert 'src="x%22%20onerror%3D%22alert%281%29-8.jpg"' in page_md  # the photo is there, its name encoded
    assert 'x" onerror=' not in page_md and "onerror=\"alert" not in page_md
    assert "javascript:" not in page_md


def test_the_raw_html_is_published_as_text_never_as_a_page_of_the_site(tmp_path, capsys):
    """A saved page is archived verbatim; published as it is, a script planted in it would run as a page
    of the site (the pages' Content-Security-Policy is not in it): so it is published as <name>.html.txt."""
    page = tmp_path / "elbe.html"
    page.write_text(PAGE.replace("<body ", "<body><script>alert(document.domain)</script><x ", 1), encoding="utf-8")
    assert run(capsys, tmp_path / "content", page)[0] == 0
    open_data.write_open_data(tmp_path / "site", load_content(tmp_path / "content"), "https://example.org/")
    assert sorted(p.name for p in (tmp_path / "site" / "sources" / "raw").iterdir()) == ["elbe.html.txt"]
    assert (tmp_path / "site" / "sources" / "raw" / "elbe.html.txt").read_bytes() == page.read_bytes()
    assert "elbe.html.txt" in (tmp_path / "site" / "data" / "posts.csv").read_text(encoding="utf-8")


def test_only_real_links_count_as_links():
    """The oracle of the tests above: an href in an element is a link, one in text is text."""
    out = '<p>&lt;link href="javascript:alert(1)"&gt; <a href="https://e.org/?a=1&amp;b=2">x</a></p>'
    assert link_targets(out) == ["https://e.org/?a=1&b=2"]
