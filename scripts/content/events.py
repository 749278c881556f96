"""The timeline's historical dates (content/events.yml)."""

from __future__ import annotations

from pathlib import Path

from .fields import parse_date
from .model import LANGS, ContentError, ContentErrors, Event
from .yaml_io import load_yaml, read_text


def load_events(path: Path, shown: str) -> list[Event]:
    """content/events.yml: a list of {date, name: {en, ru, tr}}."""
    if not path.exists():
        return []
    data = load_yaml(read_text(path), shown) or []
    if not isinstance(data, list):
        raise ContentError(shown, 1, "events must be a list (expected '- date: YYYY-MM-DD' items with name: en/ru/tr)")
    events, errors, seen = [], [], {}
    for item in data:
        if not isinstance(item, dict):
            errors.append(ContentError(shown, 1, "an event must be a mapping (expected date: and name:)"))
            continue
        for key in item:
            if key not in ("date", "name"):
                errors.append(ContentError(shown, item.key_lines[key], f"unknown key '{key}' in an event (expected date, name)"))
        try:
            date = parse_date(item.get("date"), shown, item.key_lines.get("date", item.line), "date")
        except ContentError as e:
            errors.append(e)
            continue
        names = item.get("name")
        if isinstance(names, str):
            names = {lang: names for lang in LANGS}
        if not isinstance(names, dict) or not names:
            errors.append(ContentError(shown, item.key_lines.get("name", item.line), "event name missing (expected name: {en: ..., ru: ..., tr: ...})"))
            continue
        for lang in names:
            if lang not in LANGS:
                errors.append(ContentError(shown, names.key_lines.get(lang, item.line), f"unknown language '{lang}' (expected one of {', '.join(LANGS)})"))
        if date in seen:
            errors.append(ContentError(shown, item.line, f"date {date} is listed twice (expected one event per date)"))
        seen[date] = True
        events.append(Event(date=date, names=tuple((k, str(v)) for k, v in names.items() if k in LANGS)))
    if errors:
        raise ContentErrors(errors)
    return sorted(events, key=lambda e: e.date)
