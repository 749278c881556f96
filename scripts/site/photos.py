"""A gallery's photos as published: resized copies of each original (WebP with a JPEG fallback, EXIF
orientation applied, every EXIF field, GPS included, left out), their <picture> markup, and the compact
list of captions shown when the archive holds no photo. The originals stay in content/.

plan() and the render_* functions are pure; write_copies() is the only one that touches the disk (the
generator calls it for each image)."""

from __future__ import annotations

from ..text.escape import html_attr, html_text, url_path

import io
import os
import posixpath
from dataclasses import dataclass
from pathlib import Path

from ..content.model import DEFAULT_LANG
from ..files import write_bytes_atomic
from .i18n import t
from .paths import post_path, url_of

WIDTHS = (480, 960, 1600)  # a phone column, a 2x grid cell or tablet, the lightbox on a large screen
FORMATS = ("webp", "jpg")  # WebP in <source>, JPEG in <img> for browsers without WebP
QUALITY = {"webp": 80, "jpg": 82}
GRID_SIZES = "(min-width: 30em) 15rem, 100vw"  # the gallery's cells (archive.css: minmax(14rem, 1fr))


@dataclass(frozen=True)
class Copy:
    name: str  # file name beside the default language's post page
    width: int
    height: int
    fmt: str


def plan(image: str, width: int | None, height: int | None) -> list[Copy]:
    """The copies published of one original: each width of WIDTHS below the original's, and the
    original's own width when it is smaller than the largest; in both formats. Pure: the size is the
    one the loader read (after EXIF orientation)."""
    if not width or not height:
        return []
    stem = image.rsplit(".", 1)[0]
    widths = [w for w in WIDTHS if w < width]
    if width <= WIDTHS[-1]:
        widths.append(width)
    elif not widths or widths[-1] != WIDTHS[-1]:
        widths.append(WIDTHS[-1])
    return [Copy(f"{stem}-{w}.{fmt}", w, max(1, round(height * w / width)), fmt)
            for w in widths for fmt in FORMATS]


def _encode(im, copy: Copy) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    frame = im if im.width == copy.width else im.resize((copy.width, copy.height), Image.Resampling.LANCZOS)
    # Only the pixels and the colour profile are written: no EXIF (camera, GPS, date), XMP or comments.
    params = {"icc_profile": im.info["icc_profile"]} if im.info.get("icc_profile") else {}
    if copy.fmt == "webp":
        frame.save(out, "WEBP", quality=QUALITY["webp"], method=4, exif=b"", xmp=b"", **params)
    else:
        frame.convert("RGB").save(out, "JPEG", quality=QUALITY["jpg"], optimize=True, progressive=True,
                                  exif=b"", **params)
    return out.getvalue()


def write_copies(src: Path, dest_dir: Path, copies: list[Copy]) -> int:
    """Write the copies of one original into dest_dir; a copy newer than its original is kept as it is
    (encoding is the costly part of a build with photos). Returns how many were written."""
    from PIL import Image, ImageOps

    src_time = os.stat(src).st_mtime_ns
    todo = [c for c in copies if not _fresh(dest_dir / c.name, src_time)]
    if not todo:
        return 0
    with Image.open(src) as original:
        im = ImageOps.exif_transpose(original)  # the picture the right way up; the tag itself is dropped
        if im.mode not in ("RGB", "RGBA"):
            im = im.convert("RGBA" if "transparency" in im.info or im.mode in ("LA", "PA") else "RGB")
        im.info = {k: v for k, v in im.info.items() if k == "icc_profile"}
        for copy in todo:
            write_bytes_atomic(dest_dir / copy.name, _encode(im, copy))
    return len(todo)


def _fresh(path: Path, src_time: int) -> bool:
    try:
        return os.stat(path).st_mtime_ns >= src_time
    except OSError:
        return False


def _src(entry, lang: str, name: str) -> str:
    """Copies are written once, beside the default language's page: other languages link there."""
    here = url_of(lang, post_path(entry.id))
    there = url_of(DEFAULT_LANG, post_path(entry.id)) + url_path(name)  # a file name is source text
    return html_attr(posixpath.relpath(there, here.rstrip("/")))


def render_picture(entry, lang: str, item, alt: str, sizes: str = GRID_SIZES, largest: bool = False) -> str:
    """<picture> of one photo: WebP and JPEG srcsets, width and height (no layout shift), lazy loading.
    `largest`: the lightbox's single biggest copy. `alt` is already escaped for an attribute."""
    copies = plan(item.image, item.width, item.height)
    if not copies:
        return f'<img src="{_src(entry, lang, item.image)}" loading="lazy" decoding="async" alt="{alt}">'
    by_fmt = {fmt: [c for c in copies if c.fmt == fmt] for fmt in FORMATS}
    if largest:
        by_fmt = {fmt: cs[-1:] for fmt, cs in by_fmt.items()}
        sizes = "100vw"
    fallback = by_fmt["jpg"][-1] if largest else by_fmt["jpg"][min(1, len(by_fmt["jpg"]) - 1)]

    def srcset(cs):
        return ", ".join(f"{_src(entry, lang, c.name)} {c.width}w" for c in cs)

    return (f'<picture><source type="image/webp" srcset="{srcset(by_fmt["webp"])}" sizes="{sizes}">'
            f'<img src="{_src(entry, lang, fallback.name)}" srcset="{srcset(by_fmt["jpg"])}" sizes="{sizes}" '
            f'width="{fallback.width}" height="{fallback.height}" loading="lazy" decoding="async" alt="{alt}">'
            "</picture>")


# What a picture kept to download (a gallery item's `file`) is published as: an SVG as text, which GitHub
# Pages serves as text/plain with nosniff, so that no browser renders it, or runs a script it holds, as a
# page of this site; a HEIC as it is (image/heic: no browser runs anything in it).
PUBLISHED_FILE_SUFFIXES = (".heic", ".heif", ".svg.txt")


def published_file(name: str) -> str:
    return name + ".txt" if name.lower().endswith(".svg") else name


def publish_file(src: Path, dest_dir: Path, name: str) -> int:
    """Copy a picture to download beside the default language's page, unless the copy is current."""
    dest = dest_dir / published_file(name)
    if _fresh(dest, os.stat(src).st_mtime_ns):
        return 0
    write_bytes_atomic(dest, src.read_bytes())
    return 1


def render_download(entry, lang: str, item) -> str:
    """A link to download a picture the site does not show; the browser saves it under its own name."""
    fmt = item.file.rsplit(".", 1)[-1].upper()
    return (f'<a class="photo-download" href="{_src(entry, lang, published_file(item.file))}" '
            f'download="{html_attr(item.file)}">{html_text(t(lang, "photo_download", format=fmt))}</a>')
