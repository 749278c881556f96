"""Who translated a post, when and how: the credit line of a translation's language notice
("Translated from English by …, December 2026"). {lang} is the source language as i18n's lang_from
names it ("English", "английского", "İngilizceden"), {who} the translator (Markdown-escaped), {when}
the month (or day) of the translation."""

STRINGS = {
    "en": {
        "credit_hand": "Translated from {lang} by {who}, {when}.",
        "credit_hand_undated": "Translated from {lang} by {who}.",
        "credit_machine": "Machine-translated from {lang} and reviewed by {who}, {when}.",
        "credit_machine_undated": "Machine-translated from {lang} and reviewed by {who}.",
        "translator_volunteer": "a volunteer",
        "translator_volunteers": "the archive’s volunteers",
    },
    "ru": {
        "credit_hand": "Перевод с {lang} языка: {who}, {when}.",
        "credit_hand_undated": "Перевод с {lang} языка: {who}.",
        "credit_machine": "Машинный перевод с {lang} языка; проверка и редактура: {who}, {when}.",
        "credit_machine_undated": "Машинный перевод с {lang} языка; проверка и редактура: {who}.",
        "translator_volunteer": "волонтёр",
        "translator_volunteers": "волонтёры архива",
    },
    "tr": {
        "credit_hand": "{lang} çeviren: {who}, {when}.",
        "credit_hand_undated": "{lang} çeviren: {who}.",
        "credit_machine": "{lang} makine çevirisi; gözden geçiren: {who}, {when}.",
        "credit_machine_undated": "{lang} makine çevirisi; gözden geçiren: {who}.",
        "translator_volunteer": "bir gönüllü",
        "translator_volunteers": "arşivin gönüllüleri",
    },
}
