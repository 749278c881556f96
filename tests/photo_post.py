"""A fixture post holding real photos: small JPEGs with EXIF (camera, date, an orientation) and GPS
tags, made with Pillow, so that a test can check what the published copies carry."""

from __future__ import annotations

from pathlib import Path

POST_ID = "photos-at-torgau"
GPS_IFD = 0x8825
ORIENTATION = 0x0112


def jpeg_with_gps(path: Path, size: tuple[int, int], orientation: int = 1) -> None:
    from PIL import Image

    w, h = size
    im = Image.new("RGB", size)
    im.putdata([((x * 255) // w, (y * 255) // h, 90) for y in range(h) for x in range(w)])
    exif = Image.Exif()
    exif[0x010F] = "FixtureCam"  # Make
    exif[0x0110] = "Model 1"  # Model
    exif[0x0132] = "2024:04:25 13:59:00"  # DateTime
    exif[ORIENTATION] = orientation
    exif[GPS_IFD] = {1: "N", 2: (51.0, 33.0, 36.0), 3: "E", 4: (13.0, 0.0, 18.0)}  # Torgau
    im.save(path, "JPEG", quality=85, exif=exif)


def write_photo_post(content: Path) -> Path:
    """content/posts/photos-at-torgau/: an English post, translated to Russian and Turkish, with two
    photos (one stored on its side, EXIF orientation 6) and one credited photo the archive does not hold."""
    folder = content / "posts" / POST_ID
    folder.mkdir(parents=True)
    jpeg_with_gps(folder / "torgau-1.jpg", (1200, 800))
    jpeg_with_gps(folder / "torgau-2.jpg", (900, 600), orientation=6)  # shown 600 wide, 900 high
    (folder / "meta.yml").write_text(
        "date: '2024-04-26'\n"
        "time: '09:15 UTC'\n"
        "source:\n  name: Fixture photo channel\n  kind: manual\n"
        "lang: en\n"
        "commemorates:\n- '1945-04-25'\n"
        "gallery:\n"
        "- agency: Sputnik\n  image: torgau-1.jpg\n  photographer:\n    en: Ivan Shagin\n    ru: Иван Шагин\n    tr: İvan Şagin\n"
        "- agency: Sputnik\n  image: torgau-2.jpg\n"
        "- agency: Sputnik\n  photographer:\n    en: Anatoly Egorov\n    ru: Анатолий Егоров\n    tr: Anatoliy Yegorov\n",
        encoding="utf-8")
    (folder / "en.md").write_text(
        "---\ntitle: Photos at Torgau\ncaptions:\n  1: The bridge at Torgau.\n  2: Soldiers on the bank.\n"
        "  3: A handshake.\n---\n\nPhotos of the meeting at Torgau on the Elbe.\n", encoding="utf-8")
    for lang, title, caps in (("ru", "Фотографии из Торгау", ("Мост в Торгау.", "Солдаты на берегу.", "Рукопожатие.")),
                              ("tr", "Torgau’dan fotoğraflar", ("Torgau’daki köprü.", "Kıyıdaki askerler.", "El sıkışma."))):
        (folder / f"{lang}.md").write_text(
            f"---\ntitle: {title}\ntranslation_of: en\ncaptions:\n"
            + "".join(f"  {n}: {c}\n" for n, c in enumerate(caps, 1))
            + f"---\n\n{title}.\n", encoding="utf-8")
    return folder
