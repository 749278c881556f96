"""Photos a source names by a path (a Telegram Desktop export): checked before anything is written
(a regular file inside the export folder, at most MAX_PHOTO_BYTES, an image Pillow can read, or a HEIC or
SVG picture kept as a file to download) and given a file name of their own in the post folder."""

from __future__ import annotations

import os
import re
import shutil
import warnings
from dataclasses import replace
from pathlib import Path

from ..content.model import ContentError, Photo
from .detect import PHOTO_SUFFIXES, PICTURE_FILE_SUFFIXES, read_bounded

MAX_PHOTO_BYTES = 50 * 2**20  # Telegram sends photos of up to 10 MB; a larger "photo" is a file or a mistake
NAME_MAX = 255  # bytes in a file name (ext4, most file systems)


def check_photo(src: Path) -> str | None:
    """Why `src` cannot be a post's photo, or None: read bounded (a FIFO or a device is refused by
    its type, a 3 GB file by its size) and verified by Pillow, which reads the image's structure."""
    from PIL import Image

    try:
        data = read_bounded(src, MAX_PHOTO_BYTES, "a photo")
    except ContentError as e:
        return e.problem
    import io

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                image.verify()
    except Exception as e:  # Pillow raises many kinds (SyntaxError, OSError, ValueError, its bomb errors)
        return f"is not an image Pillow can read ({type(e).__name__}) (expected a JPEG, PNG, WebP, GIF or TIFF)"
    return None


# HEIC's ISO-BMFF brands (ISO/IEC 23008-12): the bytes 4-12 of the file are b"ftyp" and one of them.
HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"}
_SVG_ROOT = re.compile(rb"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]", re.S)


def check_picture_file(src: Path) -> str | None:
    """Why `src` cannot be a post's picture to download (HEIC, SVG), or None: read bounded, and its
    first bytes what the name says (an ISO-BMFF HEIF brand; an <svg> root). Neither is ever decoded:
    the site only offers the file, as it was sent."""
    try:
        data = read_bounded(src, MAX_PHOTO_BYTES, "a picture")
    except ContentError as e:
        return e.problem
    if src.suffix.lower() == ".svg":
        if not _SVG_ROOT.match(data[:65536]):
            return "is not an SVG picture (expected a file whose root element is <svg>)"
    elif data[4:8] != b"ftyp" or data[8:12] not in HEIF_BRANDS:
        return "is not a HEIC picture (expected an ISO-BMFF file with a HEIF brand, as iPhones write)"
    return None


def plan_photos(photos: list[Photo], export: Path, post_folder: str, existing: Path | None):
    """(photos with their file names in the post folder, [(name, source file)] to copy, attention lines).
    Two photos with one name (photos/a/1.jpg, photos/b/1.jpg) get two names (1.jpg, 1-2.jpg); a photo
    already in the folder with the same bytes keeps its name."""
    out, copies, notes, taken = [], [], [], set()
    for photo in photos:
        if not photo.image:
            out.append(photo)
            continue
        where = f"{post_folder}: photo {photo.n}"
        src = (export / photo.image).resolve()
        suffix = src.suffix.lower()
        if not src.is_relative_to(export.resolve()) or suffix not in PHOTO_SUFFIXES | PICTURE_FILE_SUFFIXES:
            notes.append(f"{where}: '{photo.image}' is not an image inside the export folder; not copied")
            out.append(replace(photo, image=None))
            continue
        if not os.path.lexists(src) and photo.url:
            notes.append(f"{where}: {photo.image} is not beside the page (saved without its files?): recorded as "
                         f"not captured, with its address {photo.url}")
            out.append(replace(photo, image=None))
            continue
        if not os.path.lexists(src):
            notes.append(f"{where}: {photo.image} is not in {export}; copy it into the post folder "
                         f"and add 'image: {src.name}' to its gallery item in meta.yml")
            out.append(replace(photo, image=None))
            continue
        kept_as_file = suffix in PICTURE_FILE_SUFFIXES
        problem = check_picture_file(src) if kept_as_file else check_photo(src)
        if problem:
            notes.append(f"{where}: {photo.image} {problem}; not copied")
            out.append(replace(photo, image=None))
            continue
        name = unique_name(src.name, taken, src, existing)
        taken.add(name.casefold())
        copies.append((name, src))
        # HEIC and SVG: kept as the file sent, for readers to download; never shown (an SVG can run script).
        out.append(replace(photo, image=None, file=name) if kept_as_file else replace(photo, image=name))
    return out, copies, notes


def unique_name(name: str, taken: set[str], src: Path, existing: Path | None) -> str:
    """`name`, or name-2, name-3... : one no other photo of the post has (compared without case, for
    file systems that ignore it), at most NAME_MAX bytes long."""
    stem, suffix = os.path.splitext(name)
    n = 1
    while True:
        candidate = fit_name(stem, f"-{n}{suffix}" if n > 1 else suffix)
        if candidate.casefold() not in taken:
            held = existing / candidate if existing else None
            if held is None or not held.exists() or _same_bytes(held, src):
                return candidate
        n += 1


def fit_name(stem: str, tail: str) -> str:
    """stem + tail, the stem cut (at a character) so that the name fits in NAME_MAX bytes."""
    room = NAME_MAX - len(tail.encode("utf-8", "surrogateescape"))
    data = stem.encode("utf-8", "surrogateescape")
    if len(data) > room:
        stem = data[:room].decode("utf-8", "ignore")
    return stem + tail


def _same_bytes(a: Path, b: Path) -> bool:
    try:
        return a.stat().st_size == b.stat().st_size and a.read_bytes() == b.read_bytes()
    except OSError:
        return False


def copy_into(stage: Path, copies) -> None:
    for name, src in copies:
        if not (stage / name).exists():
            shutil.copyfile(src, stage / name)
