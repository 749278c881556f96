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
        "feed_note": "This is the archive's RSS feed: copy this page's address into a feed reader to follow new posts.",
        "nearest_day": "The nearest date with posts: {date}.",
        "today_has_posts": "Today is {date}: the posts that remember it are marked below.",
        "today_no_posts": "Today is {date}; no post remembers this day.",
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
        "feed_note": "Это RSS-лента архива: чтобы следить за новыми публикациями, добавьте адрес этой страницы в программу для чтения RSS.",
        "status_english_only": ("Эта служебная страница для редакторов архива ведётся только на английском "
                                "языке и не индексируется поисковыми системами."),
        "nearest_day": "Ближайшая дата, о которой есть публикации: {date}.",
        "today_has_posts": "Сегодня {date}: публикации об этом дне отмечены ниже.",
        "today_no_posts": "Сегодня {date}; публикаций об этом дне в архиве нет.",
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
        "feed_note": "Bu, arşivin RSS akışıdır: yeni paylaşımları takip etmek için bu sayfanın adresini bir RSS okuyucuya ekleyin.",
        "status_english_only": ("Arşiv editörlerine yönelik bu sayfa yalnızca İngilizce olarak tutulur ve "
                                "arama motorlarında dizinlenmez."),
        "nearest_day": "Paylaşım bulunan en yakın tarih: {date}.",
        "today_has_posts": "Bugün {date}: bu günü anan paylaşımlar aşağıda işaretlendi.",
        "today_no_posts": "Bugün {date}; arşivde bu günü anan bir paylaşım yok.",
    },
}
