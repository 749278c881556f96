"""PO round trip for translators who work in a PO editor (Poedit, Lokalize, Weblate, translate-toolkit):
`export` writes one PO file per post and language, a unit per segment (title, paragraph, caption) with its
context (post id and position) and a note naming the source and its date; `import` writes the language
files back. The PO files are read and written by translate-toolkit (translate.storage.pypo).

- A unit left untranslated (empty, or still fuzzy) stays untranslated: a post is written only when its
  title and every paragraph are translated (captions may be left, each falls back to the original's).
- A file whose original changed since export is refused, naming the segments.
- QA checks (qa.py) run on every segment the import would change, before anything is written.
- Translation memory: a segment whose original text is already translated elsewhere in the archive
  (or in another post of the same export) is pre-filled and marked fuzzy, for the translator to review.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from translate.storage import pypo

from ..content.load import TRANSLATION_METHODS, Content, original_text, text_hash
from ..content.model import ContentError, Entry
from ..content.yaml_io import read_text, split_front_matter
from ..files import write_atomic
from .history import align, earlier_original
from .qa import qa_problems
from .segments import Segment, label, render_language_file, segments

HEADER_POST = "X-Archive-Post"
HEADER_ORIGINAL_LANG = "X-Archive-Original-Language"
HEADER_ORIGINAL_HASH = "X-Archive-Original-Hash"
HEADER_METHOD = "X-Archive-Translation-Method"  # hand | machine-reviewed, for a translator to set
TEMPLATE_TRANSLATOR = "FULL NAME <EMAIL@ADDRESS>"


def context(entry_id: str, key: str) -> str:
    return f"{entry_id}/{key}"


def po_path(folder: Path, lang: str, entry_id: str) -> Path:
    return Path(folder) / lang / f"{entry_id}.po"


def _is_stale(entry: Entry, lang: str) -> bool:
    v = entry.versions.get(lang)
    return v is not None and v.original_hash != text_hash(original_text(entry.original))


def translation_memory(content: Content, lang: str) -> dict[tuple[str, str], str]:
    """(source language, original segment text) -> its translation into `lang`, from every translation
    that is up to date and has the original's structure (one paragraph for one)."""
    memory: dict[tuple[str, str], str] = {}
    for entry in content.entries:
        version = entry.versions.get(lang)
        if version is None or lang == entry.lang or _is_stale(entry, lang):
            continue
        source = segments(entry.original)
        target = {s.key: s.text for s in segments(version)}
        if sum(k.startswith("p") for k in target) != sum(s.key.startswith("p") for s in source):
            continue
        for s in source:
            if target.get(s.key) and s.text.strip():
                memory.setdefault((entry.lang, s.text), target[s.key])
    return memory


def _prefill(content: Content, entry: Entry, lang: str) -> tuple[dict[str, str], set[str], dict[str, str]]:
    """What the existing translation gives each segment of the current original: (key -> text, keys to
    mark fuzzy, key -> previous original text for fuzzy ones). A stale translation is carried over
    through the original it was made from (git history): unchanged segments as they are, changed ones
    fuzzy; when that original is unknown, or the structure differs, everything is fuzzy."""
    version = entry.versions.get(lang)
    if version is None or lang == entry.lang:
        return {}, set(), {}
    current = segments(entry.original)
    mine = {s.key: s.text for s in segments(version)}
    if not _is_stale(entry, lang):
        same_shape = sum(k.startswith("p") for k in mine) == sum(s.key.startswith("p") for s in current)
        fuzzy = set() if same_shape else set(mine)
        return {s.key: mine[s.key] for s in current if s.key in mine}, fuzzy, {}
    old = earlier_original(content.root, entry, version.original_hash) if version.original_hash else None
    if old is None:
        return {s.key: mine[s.key] for s in current if s.key in mine}, set(mine), {}
    old_segments = segments(old)
    old_text = {s.key: s.text for s in old_segments}
    texts, fuzzy, previous = {}, set(), {}
    for new_key, (old_key, unchanged) in align(old_segments, current).items():
        if old_key in mine:
            texts[new_key] = mine[old_key]
            if not unchanged:
                fuzzy.add(new_key)
                previous[new_key] = old_text[old_key]
    return texts, fuzzy, previous


def _note(entry: Entry, segment: Segment, count: int) -> str:
    source = entry.source.get("name", "?")
    date = entry.date.isoformat() if entry.date else "undated"
    where = {"title": "title"}.get(segment.key) or (
        f"paragraph {segment.key[1:]} of {count}" if segment.key.startswith("p") else f"caption of photo {segment.key.split('-')[1]}")
    return f"{entry.id}, {where}. Source: {source}, {date}. Original: {entry.lang}.md"


def export_post(content: Content, entry: Entry, lang: str, memory: dict) -> tuple[pypo.pofile, dict]:
    """The PO file of one post in one language, and counts: translated, fuzzy (memory or stale), empty."""
    po = pypo.pofile()
    po.init_headers(charset="UTF-8", encoding="8bit")
    po.updateheader(add=True, Project_Id_Version=f"ww2-archive {entry.id}", Language=lang,
                    Language_Team=f"ww2-archive {lang}", Plural_Forms="nplurals=2; plural=(n != 1);",
                    **{HEADER_POST.replace("-", "_"): entry.id,
                       HEADER_ORIGINAL_LANG.replace("-", "_"): entry.lang,
                       HEADER_ORIGINAL_HASH.replace("-", "_"): text_hash(original_text(entry.original))})
    po.header().markfuzzy(False)
    existing = entry.versions.get(lang)
    if existing is not None and existing.translated_by and existing.translated_by not in ("volunteer", "volunteers"):
        po.updateheader(Last_Translator=existing.translated_by)
    texts, fuzzy, previous = _prefill(content, entry, lang)
    segs = segments(entry.original)
    count = sum(s.key.startswith("p") for s in segs)
    counts = {"translated": 0, "fuzzy": 0, "memory": 0, "empty": 0}
    for s in segs:
        unit = po.addsourceunit(s.text)
        unit.setcontext(context(entry.id, s.key))
        unit.addnote(_note(entry, s, count), origin="developer")
        unit.addlocation(f"{entry.path}/{entry.lang}.md" + (f":{s.line}" if s.line else ""))
        if s.key in texts:
            unit.target = texts[s.key]
            if s.key in fuzzy:
                unit.markfuzzy(True)
                if s.key in previous:
                    unit.prev_source = previous[s.key]  # '#| msgid': editors show what changed
                counts["fuzzy"] += 1
            else:
                counts["translated"] += 1
        elif (entry.lang, s.text) in memory and s.text.strip():
            unit.target = memory[(entry.lang, s.text)]
            unit.markfuzzy(True)
            unit.addnote("Pre-filled from translation memory: the same text is translated elsewhere in the archive; review it, then clear the fuzzy mark.", origin="translator")
            counts["memory"] += 1
        else:
            counts["empty"] += 1
    return po, counts


def export(content: Content, lang: str, folder: Path, post_ids: list[str] | None = None) -> list[tuple[Path, dict]]:
    """Write po/<lang>/<post>.po for each post not originally in `lang` (or the chosen ones), newest first."""
    by_id = {e.id: e for e in content.entries}
    if post_ids:
        for pid in post_ids:
            if pid not in by_id:
                raise ContentError(pid, None, f"no post '{pid}' (expected a folder name under {content.root.name}/posts/)")
        chosen = [by_id[p] for p in post_ids]
    else:
        chosen = [e for e in content.entries if e.lang != lang]
    memory = translation_memory(content, lang)
    out = []
    for entry in chosen:
        if entry.lang == lang:
            raise ContentError(f"{entry.path}/{lang}.md", None, f"this is the original ({lang}); nothing to translate into {lang}")
        po, counts = export_post(content, entry, lang, memory)
        path = po_path(folder, lang, entry.id)
        write_atomic(path, bytes(po).decode("utf-8"))
        out.append((path, counts))
        # Segments of this batch teach the memory too, so a later post of the batch gets the same fill.
        for unit in po.units:
            if not unit.isheader() and unit.target and not unit.isfuzzy():
                memory.setdefault((entry.lang, unit.source), unit.target)
    return out


# --- import ----------------------------------------------------------------------------------------


@dataclass
class ImportResult:
    path: Path
    post: str
    outcome: str  # written | unchanged | untranslated | partial | refused
    message: str = ""
    problems: list[str] = field(default_factory=list)  # 'po:line: problem' lines
    warnings: list[str] = field(default_factory=list)


def _translator_from_header(header: dict) -> str | None:
    value = (header.get("Last-Translator") or "").strip()
    if not value or value == TEMPLATE_TRANSLATOR:
        return None
    name = re.sub(r"\s*<[^>]*>\s*$", "", value).strip()
    return name or None


def _month_from_header(header: dict) -> str | None:
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", (header.get("PO-Revision-Date") or "").strip())
    return f"{m.group(1)}-{m.group(2)}" if m else None


def import_file(content: Content, path: Path, lang: str, *, translator: str | None = None,
                method: str | None = None, month: str | None = None, accept_qa: bool = False,
                write: bool = True) -> ImportResult:
    """Read one PO file and write its post's language file, or say why not."""
    path = Path(path)
    try:
        po = pypo.pofile.parsefile(str(path))
    except Exception as e:  # translate-toolkit raises several kinds for a broken file
        raise ContentError(path, None, f"not a readable PO file: {e} (expected a file written by `translations export`)") from None
    header = po.parseheader()
    post_id = header.get(HEADER_POST)
    if not post_id:
        raise ContentError(path, 1, f"no {HEADER_POST} header (expected a file written by `translations export`)")
    if header.get("Language") != lang:
        raise ContentError(path, 1, f"Language: '{header.get('Language')}' (expected '{lang}', as --lang says)")
    entry = next((e for e in content.entries if e.id == post_id), None)
    if entry is None:
        raise ContentError(path, 1, f"{HEADER_POST}: no post '{post_id}' in {content.root.name}/posts/")
    header_method = header.get(HEADER_METHOD)
    if header_method and header_method not in TRANSLATION_METHODS:
        raise ContentError(path, 1, f"{HEADER_METHOD}: '{header_method}' (expected one of: {', '.join(TRANSLATION_METHODS)})")
    result = ImportResult(path, post_id, "unchanged")
    current = segments(entry.original)
    by_key = {s.key: s for s in current}
    units = {}
    for unit in po.units:
        if unit.isheader() or unit.isobsolete():
            continue
        ctx = unit.getcontext()
        key = ctx[len(post_id) + 1:] if ctx.startswith(post_id + "/") else None
        if key is None:
            result.problems.append(f"{path}:{unit.line_number or 1}: unit '{ctx}' belongs to another post (expected msgctxt '{post_id}/...')")
            continue
        units[key] = unit

    # The original must be what was exported: same segments, same text.
    changed = []
    for key, unit in units.items():
        if key not in by_key:
            changed.append(f"{label(key)} is no longer in the original")
        elif unit.source != by_key[key].text:
            changed.append(f"{label(key)} changed")
    changed += [f"{s.label} was added" for s in current if s.key not in units]
    if changed:
        result.outcome = "refused"
        result.message = (f"the original ({entry.path}/{entry.lang}.md) changed since this file was exported "
                          f"(original_hash {header.get(HEADER_ORIGINAL_HASH)}, now {text_hash(original_text(entry.original))}): "
                          + "; ".join(changed) + f" (expected a fresh export: python -m scripts translations export --lang {lang} {post_id})")
        return result
    if result.problems:
        result.outcome = "refused"
        result.message = "units of another post"
        return result

    translated = {k: u.target for k, u in units.items() if u.target and u.target.strip() and not u.isfuzzy()}
    existing = entry.versions.get(lang)
    file_path = content.root.parent / entry.path / f"{lang}.md"
    needed = [s.key for s in current if not s.key.startswith("caption-")]
    if not any(k in translated for k in needed):
        result.outcome = "untranslated" if existing is None else "unchanged"
        if existing is None and translated:
            result.message = "only captions are translated: the post stays untranslated until its title and text are"
        return result
    missing = [k for k in needed if k not in translated]
    if missing:
        result.outcome = "partial"
        result.message = ("not written: " + ", ".join(label(k) for k in missing) + " still untranslated or fuzzy "
                          "(expected the title and every paragraph translated; the page would mix languages)")
        return result

    mine = {s.key: s.text for s in segments(existing)} if existing else {}
    new_paras = [translated[s.key] for s in current if s.key.startswith("p")]
    new_captions = {int(s.key.split("-")[1]): translated[s.key] for s in current if s.key.startswith("caption-") and s.key in translated}
    differs = [s for s in current if s.key in translated and mine.get(s.key) != translated[s.key]]
    for s in differs:
        unit = units[s.key]
        for problem in qa_problems(s.text, translated[s.key], content.registry.resolve):
            line = f"{path}:{unit.line_number or 1}: {s.label}: {problem}"
            (result.warnings if accept_qa else result.problems).append(line)
    if result.problems:
        result.outcome = "refused"
        result.message = f"QA: {len(result.problems)} problem(s); nothing written (fix them, or --accept-qa after checking)"
        return result

    current_hash = text_hash(original_text(entry.original))
    same_text = (existing is not None and not differs and mine.keys() == {s.key for s in current if s.key in translated})
    if same_text and existing.original_hash == current_hash:
        return result  # byte for byte as it was
    front = {}
    if file_path.is_file():
        front = dict(split_front_matter(read_text(file_path), file_path)[0])
    front.pop("draft", None)
    front.update(title=translated["title"], translation_of=entry.lang, original_hash=current_hash,
                 captions=dict(sorted(new_captions.items())) or None)
    if not same_text or not front.get("translated_by"):
        # Who and how: the command line, else the PO header, else what the file said (a draft that
        # `translate --by` started, or the earlier translation), else an unnamed volunteer by hand.
        front["translated_by"] = translator or _translator_from_header(header) or front.get("translated_by") or "volunteer"
        front["translated_on"] = month or _month_from_header(header) or dt.date.today().strftime("%Y-%m")
        front["translation_method"] = method or header_method or front.get("translation_method") or "hand"
    if write:
        write_atomic(file_path, render_language_file(front, new_paras))
    result.outcome = "written"
    result.message = (f"{len(differs)} segment(s) new or changed" if not same_text
                      else "confirmed against the current original (original_hash updated)")
    return result
