"""Why a translation is stale: the original as it was when the translation was made (the version in
git history whose hash is the translation's original_hash), and the segments that changed since."""

from __future__ import annotations

import difflib
import subprocess
from pathlib import Path

from ..content.load import original_text, text_hash
from ..content.model import ContentError, Entry, Version
from .segments import Segment, label, segments, version_from_file


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, encoding="utf-8")
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None


def earlier_original(content_root: Path, entry: Entry, original_hash: str) -> Version | None:
    """The original whose text has this hash, from the git history of its file; None when git has no
    such version (not a git checkout, or the file was edited and hashed without a commit)."""
    rel = f"posts/{entry.id}/{entry.lang}.md"
    log = _git(content_root, "log", "--format=%H", "--", rel)
    for commit in (log or "").split():
        text = _git(content_root, "show", f"{commit}:./{rel}")
        if text is None:
            continue
        try:
            version = version_from_file(text.replace("\r\n", "\n"), rel, entry.lang)
        except ContentError:
            continue
        if text_hash(original_text(version)) == str(original_hash):
            return version
    return None


def align(old: list[Segment], new: list[Segment]) -> dict[str, tuple[str, bool]]:
    """For each segment of the new original that existed in the old one: new key -> (old key, text
    unchanged). Title and captions pair by key; paragraphs by a diff of the two lists, so that a paragraph
    inserted or removed does not shift the ones after it."""
    out = {}
    old_by_key = {s.key: s for s in old}
    for s in new:
        if not s.key.startswith("p") and s.key in old_by_key:
            out[s.key] = (s.key, old_by_key[s.key].text == s.text)
    old_p = [s for s in old if s.key.startswith("p")]
    new_p = [s for s in new if s.key.startswith("p")]
    matcher = difflib.SequenceMatcher(a=[s.text for s in old_p], b=[s.text for s in new_p], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                out[new_p[j1 + k].key] = (old_p[i1 + k].key, True)
        elif tag == "replace":
            for k in range(min(i2 - i1, j2 - j1)):
                out[new_p[j1 + k].key] = (old_p[i1 + k].key, False)
    return out


def changes(old: list[Segment], new: list[Segment]) -> list[str]:
    """What changed from the old original to the new: 'paragraph 2 changed', 'caption 3 added', ..."""
    pairs = align(old, new)
    out = []
    for s in new:
        if s.key not in pairs:
            out.append(f"{s.label} added")
        elif not pairs[s.key][1]:
            out.append(f"{s.label} changed")
    kept = {old_key for old_key, _ in pairs.values()}
    out += [f"{label(s.key)} removed" for s in old if s.key not in kept]
    return out


def stale_reason(content_root: Path, entry: Entry, version: Version) -> str:
    """One line: why this translation is stale, naming the segments of the original that changed."""
    if not version.original_hash:
        return "no original_hash: nobody has checked it against the original"
    old = earlier_original(content_root, entry, version.original_hash)
    if old is None:
        return (f"the original changed since original_hash {version.original_hash} "
                "(that version is not in the git history, so the changed paragraphs are unknown)")
    found = changes(segments(old), segments(entry.original))
    return "changed in the original: " + (", ".join(found) if found else "only spacing between paragraphs")
