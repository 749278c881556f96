"""The hostile corpus (tests/fixtures/hostile/): raw sources and contributor fields full of markup, imported
into a content/ folder; and a reader of built HTML that reports what markup a page holds."""

from __future__ import annotations

import html
import html.parser
import json
import re
import shutil
from pathlib import Path

import yaml

from scripts.sources.write import import_paths

HOSTILE = Path(__file__).resolve().parent / "fixtures" / "hostile"
RAW = [HOSTILE / "telegram_page.txt", HOSTILE / "gallery_article.txt", HOSTILE / "export" / "result.json"]
ARTICLE = HOSTILE / "news_article"  # a saved news article page: page.html with planted.json's values
MARK = "__pwned"  # every planted script sets window.__pwned: found outside text, it is live


# '&' becomes a letter: like '&' before '#' ('&#60;'), a letter makes no hashtag.
DEFANG = str.maketrans({"<": "(", ">": ")", '"': "'", "&": "n", "{": "(", "}": ")"})


def defang(value):
    """The same value with no character that could make markup: the clean twin of a hostile field."""
    if isinstance(value, str):
        return value.translate(DEFANG)
    if isinstance(value, list):
        return [defang(v) for v in value]
    if isinstance(value, dict):
        return {defang(k): defang(v) for k, v in value.items()}
    return value


def _raw_files(into: Path, clean: bool) -> list[Path]:
    """The raw sources to import: the hostile ones, or their clean twins (written into `into`)."""
    if not clean:
        return RAW + [_article(into, clean)]
    into.mkdir(parents=True, exist_ok=True)
    out = [_article(into, clean)]
    for path in RAW[:2]:
        out.append(into / path.name)
        out[-1].write_text(defang(path.read_text(encoding="utf-8")), encoding="utf-8")
    export = into / "export"
    (export / "photos").mkdir(parents=True, exist_ok=True)
    for photo in (RAW[2].parent / "photos").iterdir():
        shutil.copy(photo, export / "photos" / defang(photo.name))
    data = json.loads(RAW[2].read_text(encoding="utf-8"))
    (export / "result.json").write_text(json.dumps(defang(data), ensure_ascii=False), encoding="utf-8")
    return out + [export / "result.json"]


def _article(into: Path, clean: bool) -> Path:
    """The saved news article, written into `into`: page.html with planted.json's values escaped as a page
    carries them (HTML text and attributes; '</' as '<\\/' in its JSON-LD, as CMSs write it), and its
    photo, under the planted file name, in page_files/ (saved "complete")."""
    values = json.loads((ARTICLE / "planted.json").read_text(encoding="utf-8"))
    values = defang(values) if clean else values
    jsonld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": values["title"],
                         "publisher": {"@type": "Organization", "name": values["site"]},
                         "image": [{"@type": "ImageObject", "caption": values["caption"], "creditText": values["credit"]}]},
                        ensure_ascii=False).replace("</", "<\\/")
    page = (ARTICLE / "page.html").read_text(encoding="utf-8").replace("{jsonld}", jsonld)
    for key, value in values.items():
        page = page.replace("{" + key + "}", html.escape(value))
    (into / "page_files").mkdir(parents=True, exist_ok=True)
    shutil.copy(next((RAW[2].parent / "photos").iterdir()), into / "page_files" / values["image"])
    (into / "page.html").write_text(page, encoding="utf-8")
    return into / "page.html"


def hostile_content(root: Path, clean: bool = False) -> Path:
    """content/ at `root`: the raw files imported, then the contributor's fields (contributor/) applied:
    tags.yml and events.yml, meta.yml's values into every post. `clean`: the same corpus defanged, whose
    build holds every element and attribute the hostile one may hold."""
    root.mkdir(parents=True, exist_ok=True)
    import_paths(_raw_files(root.parent / "raw", clean), root)
    fix = defang if clean else (lambda v: v)
    for name in ("tags.yml", "events.yml"):
        data = yaml.safe_load((HOSTILE / "contributor" / name).read_text(encoding="utf-8"))
        (root / name).write_text(yaml.safe_dump(fix(data), allow_unicode=True), encoding="utf-8")
    fields = fix(yaml.safe_load((HOSTILE / "contributor" / "meta.yml").read_text(encoding="utf-8")))
    for n, folder in enumerate(sorted((root / "posts").iterdir())):
        meta_path = folder / "meta.yml"
        meta = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
        meta["time"] = fields["time"]
        meta["date_inferred"] = fields["date_inferred"]
        # The source URL and the rights statement are not planted: `check` refuses any value there that
        # is not an http(s) address or a known rights URI (test_hostile.py asserts the refusals).
        meta["commemorates"] = ["1945-04-25"]
        meta_path.write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False), encoding="utf-8")
        if n == 0:  # one post whose title a contributor wrote
            md = folder / f"{meta['lang']}.md"
            text = md.read_text(encoding="utf-8")
            title = "title: " + json.dumps(fields["title"], ensure_ascii=False)  # YAML reads JSON strings
            md.write_text(re.sub(r"^title: .*$", lambda m: title, text, count=1, flags=re.M), encoding="utf-8")
    return root


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Markup(html.parser.HTMLParser):
    """What a page holds: its (tag, attribute) pairs, attribute values, inline scripts, text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.pairs: set[tuple[str, str]] = set()
        self.tags: set[str] = set()
        self.attrs: list[tuple[str, str, str]] = []  # (tag, name, value)
        self.scripts: list[str] = []  # text of inline <script> elements that run
        self.data_blocks: list[str] = []  # text of <script type="application/ld+json"> (data, never run)
        self.text: list[str] = []
        self._in_script = None

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        for name, value in attrs:
            self.pairs.add((tag, name))
            self.attrs.append((tag, name, value or ""))
        if tag == "script":
            self._in_script = []
            self._data = dict(attrs).get("type") == "application/ld+json"

    def handle_endtag(self, tag):
        if tag == "script" and self._in_script is not None:
            (self.data_blocks if self._data else self.scripts).append("".join(self._in_script))
            self._in_script = None

    def handle_data(self, data):
        if self._in_script is not None:
            self._in_script.append(data)
        else:
            self.text.append(data)

    def handle_comment(self, data):
        self.tags.add("!--")


def read_markup(text: str) -> Markup:
    parser = Markup()
    parser.feed(text)
    parser.close()
    return parser


UNSAFE_URL = re.compile(r"^\s*(javascript|data|vbscript):", re.I)
URL_ATTRS = {"href", "src", "action", "formaction", "poster", "data", "srcset", "xlink:href"}
TEXT_ATTRS = {"alt", "title", "aria-label", "content"}  # where planted text may stand, as text


def live_markup(page: Markup, theme_scripts: set[str], allowed_pairs: set[tuple[str, str]]) -> list[str]:
    """Everything on a page that a planted string could have made live (empty: nothing). A planted
    string may stand in text, in a text attribute (alt, title, ...), slugified in an id or percent-encoded
    in a src: none of these is markup."""
    out = []
    for tag, name, value in page.attrs:
        if name.startswith("on"):
            out.append(f"handler {tag}[{name}]={value!r}")
        if name in URL_ATTRS and UNSAFE_URL.match(value):
            out.append(f"address {tag}[{name}]={value!r}")
    for script in page.scripts:
        if script.strip() and script not in theme_scripts:
            out.append(f"script {script[:80]!r}")
    for block in page.data_blocks:  # JSON-LD: data the browser never runs, but it must be whole JSON
        try:
            json.loads(block)
        except ValueError:
            out.append(f"JSON-LD that is not JSON {block[:80]!r}")
    for tag in page.tags & {"iframe", "object", "embed", "base", "style", "frame", "svg:script", "!--"}:
        out.append(f"element <{tag}>")
    for pair in sorted(page.pairs - allowed_pairs):
        out.append(f"unexpected {pair[0]}[{pair[1]}]")
    return out
