"""Telegram's text entities (result.json's text_entities, the Bot API's) as paragraphs of spans."""

from __future__ import annotations


from ..content.model import Span

# Entity types that mark their text; every other type (plain, underline, spoiler, blockquote, hashtag,
# cashtag, bot_command, mention_name, phone, bank_card, custom_emoji, unknown) is plain text here.
MARKS = {"bold": "bold", "italic": "italic", "code": "code", "pre": "code", "strikethrough": "strike"}


def runs_from_entities(text_entities) -> list[Span]:
    """The entities as one run of spans, line breaks inside their texts (sources/spans.py makes the
    paragraphs). Raises ValueError for an entity that is not an object with a "text" string."""
    if isinstance(text_entities, str):
        text_entities = [text_entities]
    if not isinstance(text_entities, list):
        raise ValueError(f"text_entities is {type(text_entities).__name__} (expected a list of entities)")
    flat: list[Span] = []
    for entity in text_entities:
        if isinstance(entity, str):
            flat.append(Span(entity))
            continue
        if not isinstance(entity, dict) or not isinstance(entity.get("text"), str):
            raise ValueError("a text entity is not an object with a 'text' string")
        kind, text = entity.get("type"), entity["text"]
        mark = MARKS.get(kind)
        flat.append(Span(text, bold=mark == "bold", italic=mark == "italic", code=mark == "code",
                         strike=mark == "strike", href=_href(kind, text, entity.get("href"))))
    return flat


def _href(kind, text: str, href) -> str | None:
    if kind == "text_link":
        return href.strip() if isinstance(href, str) and href.strip() else None
    if kind == "link":
        return text.strip() or None
    if kind == "mention" and text.startswith("@") and len(text) > 1:
        return "https://t.me/" + text[1:]
    if kind == "email":
        return "mailto:" + text.strip()
    return None
