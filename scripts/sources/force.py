"""--force: re-importing a post already in content/ without losing what contributors changed.

The rule: a field is replaced only when the importer can prove the folder still holds what it wrote
itself. Each import records, in the post folder's .imported.json, a digest of every field it wrote
(meta.yml's date, tags, gallery...; the original's title, captions and body). On --force a field
whose value still matches its digest is the importer's own and takes the source's new value; a field
that differs from it (edited, added or removed by hand), or has no digest (a folder imported before
records were kept), is kept and listed. Translations are never touched. Every change is listed."""

from __future__ import annotations

import hashlib
import json

RECORD = ".imported.json"
META_FIELDS = ("date", "date_inferred", "time", "source", "tags", "commemorates", "missing_media", "gallery")
ORIGINAL_FIELDS = ("title", "captions", "body")
MISSING = object()


def _as_read(value):
    """A value as content/'s YAML reads it back: every scalar text (content/yaml_io.py has no implicit
    types), so what the importer wrote (item: 1) and what it reads (item: '1') have one digest."""
    if isinstance(value, dict):
        return {str(k): _as_read(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_read(v) for v in value]
    return value if value is None or isinstance(value, str) else str(value)


def digest(value) -> str:
    if value is MISSING:
        return "-"
    text = json.dumps(_as_read(value), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def record(meta: dict, original: dict) -> str:
    """The .imported.json text for what the importer wrote: a digest per field."""
    fields = {f: digest(meta.get(f, MISSING)) for f in META_FIELDS}
    fields |= {f: digest(original.get(f, MISSING)) for f in ORIGINAL_FIELDS}
    return render_record(fields)


def render_record(digests: dict) -> str:
    return json.dumps(digests, indent=1, sort_keys=True) + "\n"


def read_record(text: str | None) -> dict:
    try:
        data = json.loads(text) if text else {}
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def short(value) -> str:
    if value is MISSING or value is None:
        return "(none)"
    if isinstance(value, list) and len(value) > 3:
        return f"{len(value)} items"
    if isinstance(value, str) and len(value) > 50:
        return json.dumps(value[:50] + "…", ensure_ascii=False)
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:59] + "…"


def merge(current: dict, new: dict, fields, held: dict, proven: dict) -> tuple[dict, list[str], list[str]]:
    """(merged values, replaced lines, kept lines) for `fields` of one file; `held` is updated with
    the digests the folder holds afterwards (replaced and unchanged fields are the importer's)."""
    merged = dict(current)
    replaced, kept = [], []
    for f in fields:
        cur, nxt = current.get(f, MISSING), new.get(f, MISSING)
        if digest(cur) == digest(nxt):
            held[f] = digest(nxt)
            continue
        if proven.get(f) == digest(cur):
            if nxt is MISSING:
                merged.pop(f, None)
            else:
                merged[f] = nxt
            held[f] = digest(nxt)
            replaced.append(f"{f}: {short(cur)} -> {short(nxt)}")
        else:
            why = "no record of what the importer wrote" if f not in proven else "changed since it was imported"
            kept.append(f"kept {f} ({why}): {short(cur)}; the source gives {short(nxt)}")
            if f in proven:
                held[f] = proven[f]
    return merged, replaced, kept
