"""Open data: the archived raw copies, each post's citation downloads and /data/ (CSV, JSON and a
Frictionless datapackage.json), written into the built site; and the /data/ page (render: pure)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

from ..content.model import LANGS
from ..content.schema import SOURCE_KINDS
from ..content.rights import ARCHIVE_LICENSE
from ..files import write_if_changed
from ..text.escape import unescape_markdown
from . import citation, provenance
from .fragments import front_matter
from .i18n import t
from .index_pages import source_slug

DATA_DIR = "data"


def _field(name, type_, description, **extra):
    return {"name": name, "type": type_, "description": description, **extra}


def _per_lang(name, description):
    return [_field(f"{name}_{lang}", "string", f"{description} ({lang})") for lang in LANGS]


SCHEMAS = {
    "posts": [
        _field("id", "string", "The post's id: its address is /posts/<id>/", constraints={"required": True, "unique": True}),
        _field("date", "date", "The day the source published it"),
        _field("date_inferred", "string", "Why the date was inferred, where the source did not state it"),
        _field("time", "string", "The time the source gives"),
        _field("source", "string", "The source's name as it signs (sources.csv: name)"),
        _field("format", "string", "The raw source's format", constraints={"enum": list(SOURCE_KINDS)}),
        _field("lang", "string", "The language of the original", constraints={"enum": list(LANGS)}),
        _field("languages", "string", "The languages it can be read in, separated by ';'"),
        _field("tags", "string", "Its tags' slugs, separated by ';' (tags.csv: slug)"),
        _field("commemorates", "string", "The historical dates it remembers, separated by ';'"),
        _field("original_url", "string", "The original's address, where known", format="uri"),
        _field("rights", "string", "The rights statement of its text", format="uri"),
        _field("raw_file", "string", "The archived raw copy, under /sources/raw/"),
        _field("raw_sha256", "string", "The raw copy's SHA-256", constraints={"pattern": "[0-9a-f]{64}"}),
        _field("archive_url", "string", "Its page in this archive", format="uri"),
        *_per_lang("title", "Its title"),
    ],
    "photos": [
        _field("post", "string", "The post (posts.csv: id)", constraints={"required": True}),
        _field("n", "integer", "The photo's number in the post's gallery", constraints={"required": True, "minimum": 1}),
        *_per_lang("caption", "The caption"),
        _field("agency", "string", "The agency that holds it"),
        *_per_lang("photographer", "The photographer"),
        _field("rights", "string", "Its rights statement", format="uri"),
        _field("image", "string", "Its image file, where the archive has one"),
    ],
    "sources": [
        _field("name", "string", "The name it signs its posts with (posts.csv: source)", constraints={"required": True, "unique": True}),
        _field("slug", "string", "Its page in this archive: /sources/<slug>/"),
        _field("kind", "string", "What it is: ministry, embassy, news-agency, ..."),
        _field("platform", "string", "Where it publishes: telegram, web"),
        *_per_lang("label", "Its name"),
        *_per_lang("about", "Who it is"),
        _field("url", "string", "Its address", format="uri"),
        _field("handle", "string", "Its handle on the platform"),
        _field("posts", "integer", "How many posts the archive holds from it"),
    ],
    "tags": [
        _field("slug", "string", "The tag's id: /tags/<slug>/", constraints={"required": True, "unique": True}),
        *_per_lang("label", "Its label"),
        _field("posts", "integer", "How many posts carry it"),
    ],
}


def _rows(content, base: str) -> dict[str, list[dict]]:
    sources = content.sources or {}
    posts, photos = [], []
    counts: dict[str, int] = {}
    tag_counts: dict[str, int] = {}
    slugs = {}
    for entry in content.entries:
        name = str(entry.source.get("name", ""))
        counts[name] = counts.get(name, 0) + 1
        slugs[name] = source_slug(entry)
        for tag in entry.tags:
            tag_counts[tag.slug] = tag_counts.get(tag.slug, 0) + 1
        row = {"id": entry.id, "date": entry.date.isoformat() if entry.date else "",
               "date_inferred": entry.date_inferred or "", "time": entry.time or "", "source": name,
               "format": entry.source.get("kind", ""), "lang": entry.lang,
               "languages": ";".join(code for code in LANGS if code in entry.versions),
               "tags": ";".join(tag.slug for tag in entry.tags),
               "commemorates": ";".join(d.isoformat() for d in entry.commemorates),
               "original_url": provenance.original_url(entry) or "", "rights": entry.rights or "",
               "raw_file": provenance.raw_name(entry) or "", "raw_sha256": entry.raw_sha256 or "",
               "archive_url": citation.page_url(base, LANGS[0], entry)}
        row.update({f"title_{code}": entry.versions[code].title if code in entry.versions else ""
                    for code in LANGS})
        posts.append(row)
        for item in entry.gallery:
            photo = {"post": entry.id, "n": item.n}
            photo.update({f"caption_{code}": unescape_markdown(entry.versions[code].captions.get(item.n, ""))
                          if code in entry.versions else "" for code in LANGS})
            photo["agency"] = item.agency or ""
            photo.update({f"photographer_{code}": item.photographer_in(code) or "" for code in LANGS})
            photo.update({"rights": item.rights or "", "image": item.image or ""})
            photos.append(photo)
    source_rows = []
    for name in sorted(set(counts) | set(sources)):
        s = sources.get(name)
        row = {"name": name, "slug": slugs.get(name, ""), "kind": (s.kind if s else "") or "",
               "platform": (s.platform if s else "") or ""}
        row.update({f"label_{code}": s.names.get(code, "") if s else "" for code in LANGS})
        row.update({f"about_{code}": s.about.get(code, "") if s else "" for code in LANGS})
        row.update({"url": (s.url if s else "") or "", "handle": (s.handle if s else "") or "",
                    "posts": counts.get(name, 0)})
        source_rows.append(row)
    tag_rows = []
    for slug in sorted(tag_counts):
        tag = content.tags[slug]
        row = {"slug": slug}
        row.update({f"label_{code}": dict(tag.labels).get(code, "") for code in LANGS})
        row["posts"] = tag_counts[slug]
        tag_rows.append(row)
    return {"posts": posts, "photos": photos, "sources": source_rows, "tags": tag_rows}


def render_csv(fields: list[dict], rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[f["name"] for f in fields], lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def render_posts_json(rows: list[dict]) -> str:
    """posts.json: the same records as posts.csv, the ';' lists as JSON lists, the titles by language."""
    items = []
    for row in rows:
        item = {k: v for k, v in row.items() if not k.startswith("title_")}
        for key in ("languages", "tags", "commemorates"):
            item[key] = [v for v in row[key].split(";") if v]
        item["titles"] = {code: row[f"title_{code}"] for code in LANGS if row[f"title_{code}"]}
        items.append({k: (v if v != "" else None) for k, v in item.items()})
    return json.dumps(items, ensure_ascii=False, indent=1) + "\n"


def render_datapackage(base: str) -> str:
    resources = []
    for name, fields in SCHEMAS.items():
        schema = {"fields": fields, "missingValues": [""]}
        key = {"posts": "id", "photos": ["post", "n"], "sources": "name", "tags": "slug"}[name]
        schema["primaryKey"] = key
        if name == "photos":
            schema["foreignKeys"] = [{"fields": "post", "reference": {"resource": "posts", "fields": "id"}}]
        if name == "posts":
            schema["foreignKeys"] = [{"fields": "source", "reference": {"resource": "sources", "fields": "name"}}]
        resources.append({"name": name, "path": f"{name}.csv", "format": "csv", "mediatype": "text/csv",
                          "encoding": "utf-8", "profile": "tabular-data-resource", "schema": schema})
    resources.append({"name": "posts-json", "path": "posts.json", "format": "json", "mediatype": "application/json",
                      "description": "The records of posts.csv as JSON: lists as lists, titles by language."})
    package = {
        "name": "ww2-archive",
        "title": t("en", "site_name"),
        "description": "Posts about the history of the Second World War quoted by this archive, their photographs, "
                       "sources and tags. The texts and photographs belong to their holders (see each rights column); "
                       "the archive's own work (translations, selection, descriptions) is licensed CC BY 4.0.",
        "homepage": base,
        "licenses": [{"name": "CC-BY-4.0", "path": ARCHIVE_LICENSE, "title": "Creative Commons Attribution 4.0"}],
        "resources": resources,
    }
    return json.dumps(package, ensure_ascii=False, indent=1) + "\n"


def write_open_data(site_dir: Path, content, base: str) -> int:
    """Every file this module publishes, written where its text changed; returns how many were written."""
    site_dir = Path(site_dir)
    written = 0
    copied = set()
    for entry in content.entries:
        raw = entry.source.get("raw")
        if raw and str(raw) not in copied:
            copied.add(str(raw))
            dest = site_dir / provenance.RAW_DIR / provenance.raw_name(entry)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(content.root / str(raw), dest)  # verbatim: the bytes the SHA-256 is of
            written += 1
        for lang in LANGS:
            c = citation.citation_of(entry, lang, base, content.sources)
            bib, csl = citation.cite_files(entry, lang)
            written += write_if_changed(site_dir / bib, citation.bibtex(c))
            written += write_if_changed(site_dir / csl, citation.csl_json(c))
    rows = _rows(content, base)
    data = site_dir / DATA_DIR
    for name, fields in SCHEMAS.items():
        written += write_if_changed(data / f"{name}.csv", render_csv(fields, rows[name]))
    written += write_if_changed(data / "posts.json", render_posts_json(rows["posts"]))
    written += write_if_changed(data / "datapackage.json", render_datapackage(base))
    return written


DATA_FILES = ("posts.csv", "posts.json", "photos.csv", "sources.csv", "tags.csv", "datapackage.json")


def render_data_page(lang: str) -> str:
    """data.md: the /data/ page of a language, linking the files at the site root's /data/."""
    depth = 1 if lang == LANGS[0] else 2  # data/ or <lang>/data/
    prefix = "../" * depth + "data/"
    out = [front_matter(title=t(lang, "about_data_h"), hide=["toc"]), f"# {t(lang, 'about_data_h')}\n\n"]
    out.append(t(lang, "about_data", data="<code>/data/</code>") + "\n\n")
    out.append("\n".join(f'- <a href="{prefix}{name}"><code>{name}</code></a>' for name in DATA_FILES) + "\n")
    return "".join(out)
