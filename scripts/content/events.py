"""The timeline's historical dates (content/events.yml), read through the schema's EVENT record."""

from __future__ import annotations

from pathlib import Path

from .model import LANGS, ContentError, ContentErrors, Event
from .schema import EVENT, Problems
from .yaml_io import load_yaml, read_text


def load_events(path: Path, shown: str) -> list[Event]:
    """content/events.yml: a list of {date, name: {en, ru, tr}}."""
    if not path.exists():
        return []
    data = load_yaml(read_text(path), shown) or []
    if not isinstance(data, list):
        raise ContentError(shown, 1, "events must be a list (expected '- date: YYYY-MM-DD' items with name: en/ru/tr)")
    problems = Problems(shown)
    events, seen = [], {}
    for i, item in enumerate(data):
        line = getattr(data, "item_lines", {}).get(i, 1)
        fields = EVENT.convert(item, "", line, problems)
        if not fields or "date" not in fields or "name" not in fields:
            continue
        date = fields["date"]
        if date in seen:
            problems.add(getattr(item, "line", line), f"date {date} is listed twice (expected one event per date)")
        seen[date] = True
        names = fields["name"]
        if "" in names:  # one name for every language
            names = {lang: names[""] for lang in LANGS}
        events.append(Event(date=date, names=tuple(names.items())))
    if problems.errors:
        raise ContentErrors(problems.errors)
    return sorted(events, key=lambda e: e.date)
