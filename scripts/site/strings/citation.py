"""Strings of provenance, rights, citation, the footer, open data and the About page."""

STRINGS = {
    "en": {
        "prov_heading": "About this copy",
        "prov_whose": "The words are those of {who}; this archive quotes them.",
        "prov_original": "View the original",
        "prov_original_unknown": "The address of the original is not known: the archived copy does not state it.",
        "prov_source_page": "All posts of {name} in this archive",
        "prov_raw": "The archived raw copy, verbatim",
        "prov_rights_text": "Rights in the text",
        "prov_rights_unstated": "not stated",
        "prov_translation": "The translation is this archive’s work, licensed under {license}.",
        "media_see_original": "It can be seen in the original: {link}.",
        "media_original_unknown": "The address of the original, where it could be seen, is not known.",
        "photo_rights": "Rights",
        "source_type": {"ministry": "a government ministry", "embassy": "an embassy", "news-agency": "a news agency",
                        "newspaper": "a newspaper", "broadcaster": "a broadcaster", "organization": "an organization",
                        "person": "a person", "other": "other"},
        "source_as_written": "It signs its posts as “{name}”.",
        "source_address": "Address",
        "source_handle": "Handle",
        "source_undescribed": "The archive has not yet described who this source is.",
        "cite_heading": "Cite this",
        "cite_intro": "A citation of this page, to copy; put in the date you read it.",
        "cite_download": "Download the citation",
        "cite_genre": {"telegram-web": "Telegram post", "telegram-json": "Telegram post",
                       "gallery-article": "news photo gallery",
                       "telegram-html": "Telegram post", "telegram-channel-html": "Telegram post",
                       "telegram-channel-text": "Telegram post", "news-article-html": "news photo gallery", "manual": "post"},
        "cite_undated": "n.d.",
        "cite_accessed": "[date]",
        "cite_translated": "Translated from {lang} by the archive. ",
        "cite_format": "{author}. “{title}.” {genre}, {date}. {translated}In {site}, {url}. Accessed {accessed}.",
        "footer": ("The archive’s own work (translations, selection, descriptions) is licensed under "
                   "{license}. The quoted texts and the photographs belong to their authors and rights holders, "
                   "named on each page. {about}"),
        "footer_about": "About this archive",
        "about_title": "About this archive",
        "about_what_h": "What it is",
        "about_what": ("A trilingual (English, Russian, Turkish) archive of public posts about the history of the "
                       "Second World War: Telegram channels and news photo galleries. Each post is kept as its "
                       "source published it, with translations made by the archive. The words are the sources’ "
                       "own; the archive quotes them and says who they are (see {sources})."),
        "about_how_h": "How it is made",
        "about_how": ("Each source is saved as a raw file, kept verbatim and published with its SHA-256 checksum "
                      "on every post it holds. An importer reads the raw file into one folder per post; editors "
                      "check dates, tags and credits and write the translations. Where the original’s address is "
                      "stated in the raw copy, the post links to it; where it is not, the page says so."),
        "about_rights_h": "Rights",
        "about_rights": ("Each text and each photograph carries a rights statement from rightsstatements.org or "
                         "Creative Commons, shown with a link. The archive’s own work (translations, selection, "
                         "descriptions) is licensed under {license}; the quoted texts and photographs remain their "
                         "holders’."),
        "about_cite_h": "How to cite",
        "about_cite": ("Every post ends with a citation in its language and downloads of it in BibTeX and "
                       "CSL-JSON (Zotero, Mendeley and most reference managers import both). The pages also "
                       "carry Highwire citation tags and schema.org JSON-LD, which Zotero’s browser connector "
                       "reads. Cite the original where you can see it; cite this archive for its copy and its "
                       "translations."),
        "about_data_h": "Open data",
        "about_data": ("The archive’s data is published in {data}: the posts, the photographs, the sources and "
                       "the tags as CSV and JSON, described by a Frictionless Data Package (datapackage.json)."),
        "data_link": "/data/",
    },
    "ru": {
        "prov_heading": "Об этой копии",
        "prov_whose": "Автор текста\u00a0— {who}; архив его цитирует.",
        "prov_original": "Открыть оригинал",
        "prov_original_unknown": "Адрес оригинала неизвестен: в архивной копии он не указан.",
        "prov_source_page": "Все публикации источника «{name}» в архиве",
        "prov_raw": "Исходная архивная копия без изменений",
        "prov_rights_text": "Права на текст",
        "prov_rights_unstated": "не указаны",
        "prov_translation": "Перевод выполнен архивом и распространяется по лицензии {license}.",
        "media_see_original": "Его можно посмотреть в оригинале: {link}.",
        "media_original_unknown": "Адрес оригинала, где его можно было бы посмотреть, неизвестен.",
        "photo_rights": "Права",
        "source_type": {"ministry": "министерство", "embassy": "посольство", "news-agency": "информационное агентство",
                        "newspaper": "газета", "broadcaster": "телерадиокомпания", "organization": "организация",
                        "person": "частное лицо", "other": "другое"},
        "source_as_written": "Свои публикации подписывает так: «{name}».",
        "source_address": "Адрес",
        "source_handle": "Имя в сети",
        "source_undescribed": "Архив ещё не описал, кто этот источник.",
        "cite_heading": "Как цитировать",
        "cite_intro": "Библиографическая ссылка на эту страницу; укажите дату, когда вы её читали.",
        "cite_download": "Скачать ссылку",
        "cite_genre": {"telegram-web": "пост в Telegram", "telegram-json": "пост в Telegram",
                       "gallery-article": "фотогалерея новостного издания",
                       "telegram-html": "пост в Telegram", "telegram-channel-html": "пост в Telegram",
                       "telegram-channel-text": "пост в Telegram", "news-article-html": "фотогалерея новостного издания", "manual": "публикация"},
        "cite_undated": "б.\u00a0д.",
        "cite_accessed": "ДД.ММ.ГГГГ",
        "cite_translated": "Пер. с {lang}: архив. ",
        "cite_format": "{author}. {title} [{genre}]. {date}. {translated}{site}. URL: {url} (дата обращения: {accessed}).",
        "footer": ("Собственная работа архива (переводы, отбор, описания) распространяется по лицензии {license}. "
                   "Цитируемые тексты и фотографии принадлежат их авторам и правообладателям, названным на каждой "
                   "странице. {about}"),
        "footer_about": "Об архиве",
        "about_title": "Об архиве",
        "about_what_h": "Что это",
        "about_what": ("Трёхъязычный (английский, русский, турецкий) архив публичных публикаций об истории Второй "
                       "мировой войны: Telegram-каналов и фотогалерей новостных изданий. Каждая публикация хранится "
                       "в том виде, в каком её опубликовал источник, вместе с переводами, выполненными архивом. "
                       "Слова принадлежат источникам; архив их цитирует и сообщает, кто они (см. {sources})."),
        "about_how_h": "Как он устроен",
        "about_how": ("Каждый источник сохраняется как исходный файл: он хранится без изменений и публикуется "
                      "с контрольной суммой SHA-256 на странице каждой взятой из него публикации. Импортёр "
                      "раскладывает файл по папкам, по одной на публикацию; редакторы проверяют даты, теги "
                      "и подписи к фотографиям и пишут переводы. Если адрес оригинала указан в исходной копии, "
                      "страница ссылается на него; если нет, страница так и говорит."),
        "about_rights_h": "Права",
        "about_rights": ("У каждого текста и каждой фотографии есть заявление о правах по rightsstatements.org или "
                         "Creative Commons, показанное со ссылкой. Собственная работа архива (переводы, отбор, "
                         "описания) распространяется по лицензии {license}; права на цитируемые тексты "
                         "и фотографии остаются у их правообладателей."),
        "about_cite_h": "Как цитировать",
        "about_cite": ("В конце каждой публикации есть библиографическая ссылка на языке страницы и её файлы "
                       "в форматах BibTeX и CSL-JSON (оба импортируют Zotero, Mendeley и большинство менеджеров "
                       "библиографии). На страницах есть также метатеги citation_* (Highwire) и JSON-LD "
                       "schema.org, которые читает коннектор Zotero для браузера. Цитируйте оригинал, если он "
                       "вам доступен; архив\u00a0— как источник копии и переводов."),
        "about_data_h": "Открытые данные",
        "about_data": ("Данные архива опубликованы в разделе {data}: публикации, фотографии, источники и теги "
                       "в форматах CSV и JSON с описанием в виде пакета данных Frictionless (datapackage.json)."),
        "data_link": "/data/",
    },
    "tr": {
        "prov_heading": "Bu kopya hakkında",
        "prov_whose": "Metnin sahibi: {who}. Bu arşiv onu alıntılar.",
        "prov_original": "Özgün paylaşımı görüntüle",
        "prov_original_unknown": "Özgün paylaşımın adresi bilinmiyor: arşivlenen kopyada belirtilmemiş.",
        "prov_source_page": "{name}: bu arşivdeki tüm paylaşımları",
        "prov_raw": "Arşivlenen ham kopya, değiştirilmeden",
        "prov_rights_text": "Metnin hakları",
        "prov_rights_unstated": "belirtilmemiş",
        "prov_translation": "Çeviri bu arşivin emeğidir ve {license} lisansıyla kullanılabilir.",
        "media_see_original": "Özgün paylaşımda görülebilir: {link}.",
        "media_original_unknown": "Görülebileceği özgün paylaşımın adresi bilinmiyor.",
        "photo_rights": "Haklar",
        "source_type": {"ministry": "bakanlık", "embassy": "büyükelçilik", "news-agency": "haber ajansı",
                        "newspaper": "gazete", "broadcaster": "yayın kuruluşu", "organization": "kuruluş",
                        "person": "kişi", "other": "diğer"},
        "source_as_written": "Paylaşımlarını “{name}” adıyla imzalar.",
        "source_address": "Adres",
        "source_handle": "Kullanıcı adı",
        "source_undescribed": "Arşiv bu kaynağın kim olduğunu henüz açıklamadı.",
        "cite_heading": "Kaynak gösterme",
        "cite_intro": "Bu sayfanın kaynakçada gösterilişi; okuduğunuz tarihi ekleyin.",
        "cite_download": "Künyeyi indir",
        "cite_genre": {"telegram-web": "Telegram paylaşımı", "telegram-json": "Telegram paylaşımı",
                       "gallery-article": "haber fotoğraf galerisi",
                       "telegram-html": "Telegram paylaşımı", "telegram-channel-html": "Telegram paylaşımı",
                       "telegram-channel-text": "Telegram paylaşımı", "news-article-html": "haber fotoğraf galerisi", "manual": "paylaşım"},
        "cite_undated": "t.y.",
        "cite_accessed": "GG.AA.YYYY",
        "cite_translated": "{lang} çeviren: arşiv. ",
        "cite_format": "{author}. ({date}). {title} [{genre}]. {translated}{site}. {url} (erişim tarihi: {accessed}).",
        "footer": ("Arşivin kendi emeği (çeviriler, seçki, açıklamalar) {license} lisansıyla kullanılabilir. "
                   "Alıntılanan metinler ve fotoğraflar, her sayfada adı verilen yazarlarına ve hak sahiplerine "
                   "aittir. {about}"),
        "footer_about": "Arşiv hakkında",
        "about_title": "Arşiv hakkında",
        "about_what_h": "Bu arşiv nedir",
        "about_what": ("İkinci Dünya Savaşı tarihine ilişkin kamuya açık paylaşımların (Telegram kanalları, haber "
                       "fotoğraf galerileri) üç dilli (İngilizce, Rusça, Türkçe) arşivi. Her paylaşım, kaynağın "
                       "yayımladığı biçimiyle, arşivin yaptığı çevirilerle birlikte saklanır. Sözler kaynaklarındır; "
                       "arşiv onları alıntılar ve kim olduklarını belirtir (bkz. {sources})."),
        "about_how_h": "Nasıl hazırlanıyor",
        "about_how": ("Her kaynak ham bir dosya olarak kaydedilir; dosya değiştirilmeden saklanır ve içerdiği her "
                      "paylaşımın sayfasında SHA-256 sağlama toplamıyla yayımlanır. Bir içe aktarıcı ham dosyayı "
                      "her paylaşım için bir klasöre ayırır; editörler tarihleri, etiketleri ve fotoğraf "
                      "künyelerini denetler, çevirileri yazar. Özgün paylaşımın adresi ham kopyada yazıyorsa "
                      "sayfa ona bağlantı verir; yazmıyorsa sayfa bunu belirtir."),
        "about_rights_h": "Haklar",
        "about_rights": ("Her metin ve her fotoğraf, rightsstatements.org veya Creative Commons’tan bir hak "
                         "bildirimi taşır ve bu bildirim bağlantısıyla gösterilir. Arşivin kendi emeği (çeviriler, "
                         "seçki, açıklamalar) {license} lisansıyla kullanılabilir; alıntılanan metinler ve "
                         "fotoğraflar hak sahiplerinde kalır."),
        "about_cite_h": "Kaynak gösterme",
        "about_cite": ("Her paylaşımın sonunda sayfanın dilinde bir künye ile BibTeX ve CSL-JSON dosyaları bulunur "
                       "(Zotero, Mendeley ve çoğu kaynakça yöneticisi ikisini de içe aktarır). Sayfalarda ayrıca "
                       "Zotero’nun tarayıcı eklentisinin okuduğu Highwire citation_* etiketleri ve schema.org "
                       "JSON-LD verisi vardır. Görebiliyorsanız özgün paylaşımı, kopya ve çeviriler için bu arşivi "
                       "kaynak gösterin."),
        "about_data_h": "Açık veri",
        "about_data": ("Arşivin verileri {data} adresinde yayımlanır: paylaşımlar, fotoğraflar, kaynaklar ve "
                       "etiketler CSV ve JSON biçiminde, bir Frictionless veri paketiyle (datapackage.json) "
                       "açıklanmış olarak."),
        "data_link": "/data/",
    },
}
