"""Strings of the reader's ways on (breadcrumbs, previous and next, related posts, the feed), the gallery
without photos, the status page's notice and the not-found page (scripts/site/navigation.py, photos.py)."""

STRINGS = {
    "en": {
        "home": "Home",
        "breadcrumbs": "You are here",
        "post_pager": "Previous and next post",
        "older_post": "Previous",
        "newer_post": "Next",
        "related": "Related posts",
        "feed": "RSS feed of new posts",
        "photos_elsewhere": ("This archive keeps the captions and credits of the {n} photos, not the photos "
                             "themselves: they can be seen in the original publication ({source})."),
        "status_english_only": "",
        "nearest_day": "Nearest date with posts: {date}.",
        "today_no_posts": "No post remembers today's date ({date}).",
    },
    "ru": {
        "home": "Главная",
        "breadcrumbs": "Вы находитесь здесь",
        "post_pager": "Предыдущая и следующая публикации",
        "older_post": "Предыдущая",
        "newer_post": "Следующая",
        "related": "Похожие публикации",
        "feed": "RSS-лента новых публикаций",
        "photos_elsewhere": ("В архиве хранятся подписи и сведения об авторах {n} фотографий, но не сами "
                             "снимки: их можно увидеть в исходной публикации ({source})."),
        "status_english_only": ("Эта служебная страница для редакторов архива ведётся только на английском "
                                "языке и не индексируется поисковыми системами."),
        "nearest_day": "Ближайшая дата с публикациями: {date}.",
        "today_no_posts": "Сегодняшнюю дату ({date}) не вспоминает ни одна публикация.",
    },
    "tr": {
        "home": "Ana sayfa",
        "breadcrumbs": "Buradasınız",
        "post_pager": "Önceki ve sonraki paylaşım",
        "older_post": "Önceki",
        "newer_post": "Sonraki",
        "related": "İlgili paylaşımlar",
        "feed": "Yeni paylaşımların RSS akışı",
        "photos_elsewhere": ("Bu arşivde {n} fotoğrafın yalnızca alt yazıları ve künyeleri yer alıyor, "
                             "fotoğrafların kendisi değil: fotoğraflar asıl yayında görülebilir ({source})."),
        "status_english_only": ("Arşiv editörlerine yönelik bu sayfa yalnızca İngilizce olarak tutulur ve "
                                "arama motorlarında dizinlenmez."),
        "nearest_day": "Paylaşım bulunan en yakın tarih: {date}.",
        "today_no_posts": "Bugünün tarihini ({date}) anan bir paylaşım yok.",
    },
}
