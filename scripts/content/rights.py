"""Rights statements: the URIs (rightsstatements.org, Creative Commons) a post text or a photo may carry,
with their labels in each language (pure)."""

from __future__ import annotations

# Each statement: its URI as the vocabulary publishes it (rightsstatements.org URIs are http://, Creative
# Commons' https://), and its label per language.
RIGHTS = {
    "http://rightsstatements.org/vocab/InC/1.0/": {
        "en": "In Copyright", "ru": "Охраняется авторским правом", "tr": "Telif hakkıyla korunuyor"},
    "http://rightsstatements.org/vocab/InC-EDU/1.0/": {
        "en": "In Copyright – Educational Use Permitted",
        "ru": "Охраняется авторским правом — разрешено использование в образовании",
        "tr": "Telif hakkıyla korunuyor – eğitim amaçlı kullanıma izin verilir"},
    "http://rightsstatements.org/vocab/NoC-US/1.0/": {
        "en": "No Copyright – United States", "ru": "Не охраняется авторским правом в США",
        "tr": "Telif hakkı yok – Amerika Birleşik Devletleri"},
    "http://rightsstatements.org/vocab/NKC/1.0/": {
        "en": "No Known Copyright", "ru": "Сведений об авторском праве нет", "tr": "Bilinen telif hakkı yok"},
    "http://rightsstatements.org/vocab/CNE/1.0/": {
        "en": "Copyright Not Evaluated", "ru": "Статус авторского права не оценивался",
        "tr": "Telif durumu değerlendirilmedi"},
    "http://rightsstatements.org/vocab/UND/1.0/": {
        "en": "Copyright Undetermined", "ru": "Статус авторского права не установлен",
        "tr": "Telif durumu belirlenemedi"},
    "https://creativecommons.org/publicdomain/mark/1.0/": {
        "en": "Public domain", "ru": "Общественное достояние", "tr": "Kamu malı"},
    "https://creativecommons.org/publicdomain/zero/1.0/": {
        "en": "CC0 1.0 (public domain dedication)", "ru": "CC0 1.0 (передано в общественное достояние)",
        "tr": "CC0 1.0 (kamu malına devredilmiş)"},
    "https://creativecommons.org/licenses/by/4.0/": {
        "en": "CC BY 4.0", "ru": "CC BY 4.0", "tr": "CC BY 4.0"},
    "https://creativecommons.org/licenses/by-sa/4.0/": {
        "en": "CC BY-SA 4.0", "ru": "CC BY-SA 4.0", "tr": "CC BY-SA 4.0"},
}

# What a source's own credit line says, as the importers read it, and the statement it amounts to.
FROM_CREDIT = {"public domain": "https://creativecommons.org/publicdomain/mark/1.0/"}

IN_COPYRIGHT = "http://rightsstatements.org/vocab/InC/1.0/"
ARCHIVE_LICENSE = "https://creativecommons.org/licenses/by/4.0/"  # the archive's own work: translations, curation


def is_known(uri) -> bool:
    return isinstance(uri, str) and uri in RIGHTS


def label(uri: str, lang: str) -> str:
    """The statement's label in a language (the URI itself for one not in the table)."""
    return RIGHTS.get(uri, {}).get(lang, uri)


def from_credit(text: str | None) -> str | None:
    """The URI for a credit's rights words ('Public domain'), or the text unchanged when it is one."""
    if text is None or is_known(text):
        return text
    return FROM_CREDIT.get(text.strip().casefold(), text)


def problem(uri) -> str | None:
    """Why a value is not a rights statement URI, or None."""
    if is_known(uri):
        return None
    hint = FROM_CREDIT.get(str(uri).strip().casefold())
    expected = f"'{hint}'" if hint else "a URI from rightsstatements.org or creativecommons.org, e.g. " + IN_COPYRIGHT
    return f"'{uri}' is not a rights statement this archive knows (expected {expected}; known: scripts/content/rights.py)"
