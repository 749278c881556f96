"""Image sizes from file headers (PNG, GIF, JPEG, WebP; TIFF through Pillow), so pages can set width and height."""

from __future__ import annotations

import struct
from pathlib import Path

# The site never publishes an original, only WebP and JPEG copies Pillow makes (site/photos.py): so a TIFF,
# which browsers do not show, is an image here too.
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".tif", ".tiff")
# Pictures the site cannot show or convert (Pillow reads neither HEIC nor SVG, and an SVG can carry script):
# a gallery item's `file`, offered to download.
FILE_SUFFIXES = (".heic", ".heif", ".svg")


def image_size(path: Path) -> tuple[int, int] | None:
    """(width, height), or None when the file is not an image we can read."""
    try:
        with open(path, "rb") as f:
            head = f.read(64 * 1024)
    except OSError:
        return None
    if head.startswith(b"\x89PNG\r\n\x1a\n") and len(head) >= 24:
        return struct.unpack(">II", head[16:24])
    if head[:6] in (b"GIF87a", b"GIF89a") and len(head) >= 10:
        return struct.unpack("<HH", head[6:10])
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        chunk = head[12:16]
        if chunk == b"VP8X" and len(head) >= 30:
            w = int.from_bytes(head[24:27], "little") + 1
            h = int.from_bytes(head[27:30], "little") + 1
            return w, h
        if chunk == b"VP8 " and len(head) >= 30:
            w, h = struct.unpack("<HH", head[26:30])
            return w & 0x3FFF, h & 0x3FFF
        if chunk == b"VP8L" and len(head) >= 25:
            bits = int.from_bytes(head[21:25], "little")
            return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
        return None
    if head.startswith(b"\xff\xd8"):
        i = 2
        while i + 9 < len(head):
            if head[i] != 0xFF:
                i += 1
                continue
            marker = head[i + 1]
            if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
                i += 2
                continue
            length = struct.unpack(">H", head[i + 2:i + 4])[0]
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                h, w = struct.unpack(">HH", head[i + 5:i + 9])
                return w, h
            i += 2 + length
    return None


ROTATED = (5, 6, 7, 8)  # EXIF orientations that turn the picture a quarter: width and height swap


def display_size(path: Path) -> tuple[int, int] | None:
    """(width, height) as the picture is shown: after its EXIF orientation (a phone's portrait photo is
    stored landscape with orientation 6). Pillow reads only the header here."""
    size = image_size(path)
    if size is None and path.suffix.lower() in (".tif", ".tiff"):
        from PIL import Image

        try:
            with Image.open(path) as im:
                orientation = im.getexif().get(0x0112)
                # The stored width and height, from the TIFF's own tags: Pillow's `size` for a TIFF is already
                # turned by its orientation (Pillow 13, as pinned), and the swap below would turn it back.
                tags = getattr(im, "tag_v2", {})
                size = (tags[256], tags[257]) if 256 in tags and 257 in tags else im.size
        except (OSError, SyntaxError, ValueError):
            return None
        return (size[1], size[0]) if orientation in ROTATED else size
    if size is None:
        return size
    # Any picture Pillow reads may carry the tag (a PNG's eXIf chunk too): site/photos.py turns every one upright.
    from PIL import Image

    try:
        with Image.open(path) as im:
            orientation = im.getexif().get(0x0112)
    except (OSError, SyntaxError, ValueError):
        return size
    return (size[1], size[0]) if orientation in ROTATED else size
