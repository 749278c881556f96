"""Property tests: importers on any text, escaping, slugs."""

import html
import re

import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scripts.content.model import ContentError
from scripts.sources import gallery_article as import_gallery_article
from scripts.sources import telegram_web as import_telegram_web
from scripts.sources.detect import parse_source
from scripts.sources.write import original_fields, render_markdown
from scripts.text.escape import escape_markdown
from scripts.text.normalize import split_lines
from scripts.text.slugs import slugify

EXTENSIONS = ["attr_list", "md_in_html", "admonition", "tables", "toc"]
words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=0, max_size=80)
sentence = st.from_regex(r"[A-ZА-ЯÇŞİ][a-zа-яçğışöü]{2,9}( [a-zа-яçğışöü<>*_#&|\[\]{}`]{1,9}){2,8}[.!?]",
                         fullmatch=True)


ONE_ERROR_LINE = re.compile(r"x\.txt(:[1-9]\d*)?: \S.* \(expected .+\)")
KINDS = {"telegram-web", "telegram-channel-text", "telegram-channel-html", "telegram-html", "telegram-json",
         "gallery-article"}


def _words(text: str) -> set[str]:
    return set(" ".join(split_lines(text)).split())


@given(st.one_of(st.text(max_size=400),
                 st.lists(st.sampled_from(["Forwarded from Chan", "© Agency / Go to the mediabank", "1/2",
                                           "date 2024-05-09 World", "Victory Day in Moscow.", "8.67M views 12:01",
                                           "#Victory78", "<b>x</b>", "\x00", "\u2028", ""]) | st.text(max_size=12),
                          max_size=20).map("\n".join)))
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_any_text_gives_posts_from_its_own_words_or_one_error_line(text):
    """Whatever the text: either posts whose every word came from the text, or one error of the form
    `path:line: problem (expected ...)` on one line (and never another exception)."""
    try:
        kind, posts = parse_source("x.txt", text)
    except ContentError as e:
        lines = str(e).splitlines()
        assert lines and all(ONE_ERROR_LINE.fullmatch(line) for line in lines), str(e)
        return
    assert kind in KINDS and posts
    given_words = _words(text)
    for post in posts:
        for paragraph in post.paragraphs:
            assert paragraph.text.strip(), post
            invented = [w for w in paragraph.text.split() if not any(w in g for g in given_words)]
            assert not invented, (invented, text)
        assert len({p.text for p in post.paragraphs}) == len(post.paragraphs)  # no paragraph twice


@given(st.lists(st.tuples(st.sampled_from(["Chan A", "Канал Б"]), st.lists(sentence, min_size=1, max_size=5)),
                min_size=1, max_size=4), st.randoms())
@settings(max_examples=150)
def test_telegram_keeps_every_unique_sentence_once(posts, rnd):
    lines = []
    for channel, sentences in posts:
        lines.append(f"Forwarded from {channel}")
        block = list(sentences)
        lines += block + (block if rnd.random() < 0.5 else [])  # the scrape repeats blocks
    parsed = import_telegram_web.parse("\n".join(lines))
    assert len(parsed) == len(posts)
    for (_, sentences), post in zip(posts, parsed):
        texts = [p.text for p in post.paragraphs]
        for s in dict.fromkeys(s for s in sentences if not s.startswith("#")):
            kept = [t for t in texts if t == s]
            assert len(kept) == 1 or any(s in t for t in texts), (s, texts)
        assert len(texts) == len(set(texts))


@given(words)
@settings(max_examples=400)
def test_escaped_text_renders_as_itself(text):
    line = " ".join(split_lines(text)).strip()
    if not line:
        return
    out = markdown.markdown(escape_markdown(line), extensions=EXTENSIONS)
    assert not re.search(r"<(?!/?p>|/?h\d[^>]*>)[a-zA-Z!/]", out.replace("<p>", "").replace("</p>", "")), out
    visible = html.unescape(re.sub(r"</?p>", "", out)).strip()
    assert " ".join(visible.split()) == " ".join(line.split())


@given(st.text(max_size=200))
@settings(max_examples=300)
def test_slug_is_ascii_and_idempotent(text):
    slug = slugify(text)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)
    assert slugify(slug) == slug


@given(st.lists(sentence, min_size=1, max_size=6))
@settings(max_examples=100)
def test_gallery_captions_survive(captions):
    parts = ["date 2024-01-01 World", "Intro text of the article."]
    for i, cap in enumerate(captions, 1):
        parts += [f"© Agency {i} / Go to the mediabank", cap, f"{cap} - Agency World", f"{i}/{len(captions)}",
                  f"© Agency {i}", "/", "Go to the mediabank", cap]
    [post] = import_gallery_article.parse("\n".join(parts))
    assert [p.caption for p in post.photos] == captions


@given(st.lists(sentence, min_size=1, max_size=5))
@settings(max_examples=100)
def test_written_markdown_holds_no_markup(sentences):
    text = "Forwarded from X\n" + "\n".join(sentences)
    _, [post] = parse_source("x.txt", text)
    out = markdown.markdown(render_markdown(original_fields(post)).split("---", 2)[2], extensions=EXTENSIONS)
    assert not re.search(r"<(script|img|a|em|strong|code|h\d|ul|ol|blockquote|table)\b", out), out
