"""Interface strings of the generated pages in each language, with plural forms and dates from Babel."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

LANG_NAMES = {"en": "English", "ru": "Русский", "tr": "Türkçe"}

# Each language's own way to name a language inside a sentence.
_IN = {  # "written in X" (also the languages an original may be in beside ours: content/model.py OTHER_LANGS)
    "en": {"en": "English", "ru": "Russian", "tr": "Turkish",
           "uk": "Ukrainian", "be": "Belarusian", "de": "German", "fr": "French", "pl": "Polish"},
    "ru": {"en": "английском", "ru": "русском", "tr": "турецком",
           "uk": "украинском", "be": "белорусском", "de": "немецком", "fr": "французском", "pl": "польском"},
    "tr": {"en": "İngilizce", "ru": "Rusça", "tr": "Türkçe",
           "uk": "Ukraynaca", "be": "Belarusça", "de": "Almanca", "fr": "Fransızca", "pl": "Lehçe"},
}
_FROM = {  # "translated from X"
    "en": {"en": "English", "ru": "Russian", "tr": "Turkish",
           "uk": "Ukrainian", "be": "Belarusian", "de": "German", "fr": "French", "pl": "Polish"},
    "ru": {"en": "английского", "ru": "русского", "tr": "турецкого",
           "uk": "украинского", "be": "белорусского", "de": "немецкого", "fr": "французского", "pl": "польского"},
    "tr": {"en": "İngilizceden", "ru": "Rusçadan", "tr": "Türkçeden",
           "uk": "Ukraynacadan", "be": "Belarusçadan", "de": "Almancadan", "fr": "Fransızcadan", "pl": "Lehçeden"},
}

STRINGS = {
    "en": {
        "site_name": "Remembering the Second World War",
        "home_title": "An archive of remembrance",
        "home_intro": (
            "This archive gathers public posts about the history of the Second World War (Telegram channels, "
            "news photo galleries) and keeps them as readable pages in English, Russian and Turkish. Every "
            "page names its source: the words are those of the channel or publication quoted, not of this "
            "archive. Each page says which language the text was written in and which versions are translations."),
        "latest": "Latest posts",
        "timeline_title": "Timeline",
        "timeline_intro": "The historical dates the posts remember, in order, with the posts that remember each.",
        "onthisday_title": "On this day",
        "onthisday_intro": "The posts grouped by the day and month of the events they remember.",
        "today": "Today",
        "sources_title": "Sources",
        "sources_intro": "Every channel and publication the archive quotes, with its posts. The words on each page are the source's own.",
        "credits_title": "Photo credits",
        "credits_intro": "The agencies and photographers whose pictures the archive's galleries describe, with the photos they took.",
        "unknown_photographer": "photographer not named",
        "notfound_title": "Page not found",
        "notfound_text": "There is no page at this address. Try the search, the list of all posts or the tags.",
        "all_posts": "All posts",
        "archive_title": "All posts",
        "tags_title": "Tags",
        "tags_intro": "Every hashtag the sources used, with the posts that carry it.",
        "undated": "Undated",
        "date_inferred": "date inferred from the text",
        "source": "Source",
        "source_kind": {"telegram-web": "Telegram channel", "gallery-article": "news photo gallery",
                        "telegram-json": "Telegram channel", 
                        "telegram-html": "Telegram channel", "telegram-channel-html": "Telegram channel", 
                        "telegram-channel-text": "Telegram channel", "news-article-html": "news photo gallery", "manual": "entered by hand"},
        "voice": "The text is the source's own; this archive quotes it.",
        "written_in": "Original text in {langs}.",
        "translated_from": "Translated from {lang}.",
        "untranslated": "This post has not been translated into English yet. The text below is the original, in {lang}.",
        "stale": "The original has changed since this translation was made: the translation may be out of date.",
        "versions": "Versions",
        "original": "original",
        "translation": "translation",
        "not_translated": "not yet translated",
        "video_missing": "The original post included a video that this copy did not capture.",
        "photo_missing_media": "The original post included a picture that this copy did not capture.",
        "file_missing": "The original post included a file that this copy did not capture.",
        "photos": "Photographs",
        "search_more": "{total} matching documents, the best # shown",
        "photo_held": "The photograph is held by {holder}.",
        "photo_held_unknown": "The photograph is not held in this archive.",
        "photo_download": "Download the picture ({format} file, which browsers do not show)",
        "photo": "Photo {n}",
        "enlarge": "enlarge",
        "close": "Close",
        "tags": "Tags",
        "page": "Page {n} of {total}",
        "newer": "Newer posts",
        "older": "Older posts",
        "posts_count": {"one": "{n} post", "other": "{n} posts"},
        "tag_title": "Tag: {label}",
        "rights": {"Public domain": "Public domain"},
        "commemorates": {"one": "Remembers", "other": "Remembers"},
    },
    "ru": {
        "site_name": "Память о Второй мировой войне",
        "home_title": "Архив памяти",
        "home_intro": (
            "Этот архив собирает общедоступные публикации об истории Второй мировой войны (Telegram-каналы, "
            "фотогалереи новостных агентств) и хранит их в виде удобных для чтения страниц на английском, "
            "русском и турецком языках. На каждой странице указан источник: слова принадлежат цитируемому "
            "каналу или изданию, а не этому архиву. На каждой странице сказано, на каком языке написан "
            "оригинал и какие версии являются переводами."),
        "latest": "Последние публикации",
        "timeline_title": "Хроника",
        "timeline_intro": "Исторические даты, которым посвящены публикации, в хронологическом порядке — с публикациями о каждой из них.",
        "onthisday_title": "В этот день",
        "onthisday_intro": "Публикации, сгруппированные по дню и месяцу событий, о которых они напоминают.",
        "today": "Сегодня",
        "sources_title": "Источники",
        "sources_intro": "Все каналы и издания, которые цитирует архив, и их публикации. Слова на каждой странице принадлежат источнику.",
        "credits_title": "Авторы фотографий",
        "credits_intro": "Агентства и фотографы, чьи снимки описаны в галереях архива, и их фотографии.",
        "unknown_photographer": "фотограф не указан",
        "notfound_title": "Страница не найдена",
        "notfound_text": "По этому адресу страницы нет. Воспользуйтесь поиском, списком всех публикаций или тегами.",
        "all_posts": "Все публикации",
        "archive_title": "Все публикации",
        "tags_title": "Теги",
        "tags_intro": "Все хештеги, которые использовали источники, и публикации с ними.",
        "undated": "Без даты",
        "date_inferred": "дата установлена по тексту",
        "source": "Источник",
        "source_kind": {"telegram-web": "Telegram-канал", "gallery-article": "фотогалерея новостного издания",
                        "telegram-json": "Telegram-канал", 
                        "telegram-html": "Telegram-канал", "telegram-channel-html": "Telegram-канал", 
                        "telegram-channel-text": "Telegram-канал", "news-article-html": "фотогалерея новостного издания", "manual": "внесено вручную"},
        "voice": "Текст принадлежит источнику; архив его цитирует.",
        "written_in": "Оригинал на {langs} языке.",
        "written_in_many": "Оригинал на {langs} языках.",
        "translated_from": "Перевод с {lang} языка.",
        "untranslated": "Эта публикация ещё не переведена на русский язык. Ниже — оригинальный текст на {lang} языке.",
        "stale": "Оригинал изменился после того, как был сделан этот перевод: перевод мог устареть.",
        "versions": "Версии",
        "original": "оригинал",
        "translation": "перевод",
        "not_translated": "перевода пока нет",
        "video_missing": "В оригинальной публикации было видео, которое не сохранилось в этой копии.",
        "photo_missing_media": "В оригинальной публикации было изображение, которое не сохранилось в этой копии.",
        "file_missing": "В оригинальной публикации был файл, который не сохранился в этой копии.",
        "photos": "Фотографии",
        "search_more": "Найдено совпадений: {total}, показаны лучшие #",
        "photo_held": "Фотография хранится у правообладателя: {holder}.",
        "photo_held_unknown": "Фотография не хранится в этом архиве.",
        "photo_download": "Скачать изображение (файл {format}, браузеры его не показывают)",
        "photo": "Фото {n}",
        "enlarge": "увеличить",
        "close": "Закрыть",
        "tags": "Теги",
        "page": "Страница {n} из {total}",
        "newer": "Более поздние публикации",
        "older": "Более ранние публикации",
        "posts_count": {"one": "{n} публикация", "few": "{n} публикации", "many": "{n} публикаций",
                        "other": "{n} публикации"},
        "tag_title": "Тег: {label}",
        "rights": {"Public domain": "Общественное достояние"},
        "commemorates": {"one": "Памятная дата", "other": "Памятные даты"},
    },
    "tr": {
        "site_name": "İkinci Dünya Savaşı’nı Anmak",
        "home_title": "Bir anma arşivi",
        "home_intro": (
            "Bu arşiv, İkinci Dünya Savaşı tarihine dair kamuya açık paylaşımları (Telegram kanalları, haber "
            "fotoğraf galerileri) bir araya getirir ve bunları İngilizce, Rusça ve Türkçe olarak, kolay okunur "
            "sayfalar hâlinde saklar. Her sayfa kaynağını belirtir: sözler bu arşive değil, alıntılanan kanala "
            "veya yayına aittir. Ayrıca metnin aslının hangi dilde yazıldığı ve hangi sürümlerin çeviri olduğu da gösterilir."),
        "latest": "Son paylaşımlar",
        "timeline_title": "Kronoloji",
        "timeline_intro": "Paylaşımların andığı tarihî günler, kronolojik sırayla ve her birini anan paylaşımlarla birlikte.",
        "onthisday_title": "Tarihte bugün",
        "onthisday_intro": "Paylaşımlar, andıkları olayların gün ve ayına göre gruplanmıştır.",
        "today": "Bugün",
        "sources_title": "Kaynaklar",
        "sources_intro": "Arşivin alıntıladığı tüm kanallar ve yayınlar, paylaşımlarıyla birlikte. Her sayfadaki sözler kaynağın kendisine aittir.",
        "credits_title": "Fotoğraf künyeleri",
        "credits_intro": "Arşivdeki galerilerde yer alan fotoğrafların ajansları ve fotoğrafçıları, her birinin fotoğraflarıyla birlikte.",
        "unknown_photographer": "fotoğrafçı belirtilmemiş",
        "notfound_title": "Sayfa bulunamadı",
        "notfound_text": "Bu adreste bir sayfa yok. Aramayı, tüm paylaşımların listesini veya etiketleri deneyin.",
        "all_posts": "Tüm paylaşımlar",
        "archive_title": "Tüm paylaşımlar",
        "tags_title": "Etiketler",
        "tags_intro": "Kaynakların kullandığı tüm etiketler ve bu etiketlerin geçtiği paylaşımlar.",
        "undated": "Tarihsiz",
        "date_inferred": "tarih metinden çıkarılmıştır",
        "source": "Kaynak",
        "source_kind": {"telegram-web": "Telegram kanalı", "gallery-article": "haber fotoğraf galerisi",
                        "telegram-json": "Telegram kanalı", 
                        "telegram-html": "Telegram kanalı", "telegram-channel-html": "Telegram kanalı", 
                        "telegram-channel-text": "Telegram kanalı", "news-article-html": "haber fotoğraf galerisi", "manual": "elle girildi"},
        "voice": "Metin kaynağın kendisine aittir; arşivde alıntı olarak yer alır.",
        "written_in": "Metnin aslı {langs} yazılmıştır.",
        "translated_from": "{lang} çevrilmiştir.",
        "untranslated": "Bu paylaşım henüz Türkçeye çevrilmedi. Aşağıda metnin {lang} aslı yer alıyor.",
        "stale": "Bu çeviri yapıldıktan sonra asıl metin değişti: çeviri güncel olmayabilir.",
        "versions": "Sürümler",
        "original": "asıl metin",
        "translation": "çeviri",
        "not_translated": "henüz çevrilmedi",
        "video_missing": "Asıl paylaşımda bu kopyaya alınamamış bir video vardı.",
        "photo_missing_media": "Asıl paylaşımda bu kopyaya alınamamış bir görsel vardı.",
        "file_missing": "Asıl paylaşımda bu kopyaya alınamamış bir dosya vardı.",
        "photos": "Fotoğraflar",
        "search_more": "{total} sonuç bulundu; en uygun # tanesi gösteriliyor",
        "photo_held": "Fotoğrafın aslı hak sahibindedir: {holder}.",
        "photo_held_unknown": "Fotoğraf bu arşivde saklanmamaktadır.",
        "photo_download": "Görseli indir ({format} dosyası, tarayıcılar göstermez)",
        "photo": "Fotoğraf {n}",
        "enlarge": "büyüt",
        "close": "Kapat",
        "tags": "Etiketler",
        "page": "Sayfa {n} / {total}",
        "newer": "Daha yeni paylaşımlar",
        "older": "Daha eski paylaşımlar",
        "posts_count": {"one": "{n} paylaşım", "other": "{n} paylaşım"},
        "tag_title": "Etiket: {label}",
        "rights": {"Public domain": "Kamu malı"},
        "commemorates": {"one": "Anılan tarih", "other": "Anılan tarihler"},
    },
}


def _merge_feature_strings() -> None:
    """The strings of scripts/site/strings/*.py, added to STRINGS."""
    import importlib
    import pkgutil

    from . import strings

    for info in sorted(pkgutil.iter_modules(strings.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{strings.__name__}.{info.name}")
        for lang, table in module.STRINGS.items():
            for key, value in table.items():
                if key in STRINGS[lang]:
                    raise RuntimeError(f"interface string '{key}' ({lang}) is defined twice (scripts/site/strings/{info.name}.py)")
                STRINGS[lang][key] = value


_merge_feature_strings()


def t(lang: str, key: str, /, **kwargs) -> str:
    value = STRINGS[lang][key]
    return value.format(**kwargs) if kwargs else value


def plural(lang: str, key: str, n: int) -> str:
    forms = STRINGS[lang][key]
    form = Locale.parse(lang).plural_form(n)
    return (forms.get(form) or forms["other"]).format(n=number(lang, n))


def number(lang: str, n: int) -> str:
    """A count as the language writes it (Babel): 10,000, 10 000 (U+00A0), 10.000. Russian leaves four
    digits ungrouped (1500 публикаций), as its typography does."""
    if lang == "ru" and abs(n) < 10000:
        return str(n)
    return format_decimal(n, locale=lang)


@lru_cache(maxsize=65536)
def date_text(lang: str, date: dt.date) -> str:
    return format_date(date, format="long", locale=lang)


def lang_in(lang: str, langs: list[str]) -> str:
    """'Original text in X (and Y)' in the page's language."""
    names = [_IN[lang][code] for code in langs]
    if lang == "en":
        return t(lang, "written_in", langs=" and ".join(names))
    if lang == "ru":
        key = "written_in_many" if len(names) > 1 else "written_in"
        return t(lang, key, langs=" и ".join(names))
    return t(lang, "written_in", langs=" ve ".join(names))


def lang_from(lang: str, source_lang: str) -> str:
    return t(lang, "translated_from", lang=_FROM[lang][source_lang])


def lang_name_in(lang: str, code: str) -> str:
    """A language's name as it stands inside the 'untranslated' notice."""
    if lang == "tr":
        return _IN["tr"][code]
    return _IN[lang][code]
