"""Image sizes from file headers (scripts/content/images.py), on headers written here byte by byte with a
known width and height, and the size a picture is shown at after its EXIF orientation (files Pillow writes)."""

import struct

import pytest
from PIL import Image

from scripts.content.images import display_size, image_size

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def png(width, height):
    return PNG_SIGNATURE + b"\x00\x00\x00\x0dIHDR" + struct.pack(">II", width, height) + b"\x08\x02\x00\x00\x00"


def webp(chunk, payload):
    return b"RIFF" + struct.pack("<I", 4 + 8 + len(payload)) + b"WEBP" + chunk + struct.pack("<I", len(payload)) + payload


def segment(marker, body):
    return b"\xff" + bytes([marker]) + struct.pack(">H", len(body) + 2) + body


def sof(marker, width, height):
    return segment(marker, b"\x08" + struct.pack(">HH", height, width) + b"\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01")


APP0 = segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
DHT = segment(0xC4, b"\x00" + bytes(16) + b"\x00" * 4)  # a Huffman table: C4 is no frame header


@pytest.mark.parametrize("data, size", [
    (png(640, 480), (640, 480)),
    (png(70000, 1), (70000, 1)),
    (b"GIF89a" + struct.pack("<HH", 320, 200) + b"\x00", (320, 200)),
    (b"GIF87a" + struct.pack("<HH", 1, 65535), (1, 65535)),
    # WebP, extended: width-1 and height-1 in 24 bits each
    (webp(b"VP8X", b"\x00\x00\x00\x00" + (1919).to_bytes(3, "little") + (1079).to_bytes(3, "little")), (1920, 1080)),
    # WebP, lossy: 14 bits of width and height after the start code, two bits of scale above them
    (webp(b"VP8 ", b"\x00\x00\x00" + b"\x9d\x01\x2a" + struct.pack("<HH", 0xC000 | 800, 0x4000 | 600)), (800, 600)),
    # WebP, lossless: width-1 in bits 0-13, height-1 in 14-27, then alpha and version
    (webp(b"VP8L", b"\x2f" + ((299) | (199 << 14) | (1 << 28)).to_bytes(4, "little")), (300, 200)),
    # JPEG: markers before the frame header are skipped, whatever their kind
    (b"\xff\xd8" + APP0 + DHT + sof(0xC0, 1024, 768) + b"\x00", (1024, 768)),
    (b"\xff\xd8" + APP0 + sof(0xC2, 33, 44) + b"\x00", (33, 44)),  # progressive
    (b"\xff\xd8" + sof(0xCF, 5, 6) + b"\x00", (5, 6)),
    (b"\xff\xd8" + b"\x00\x00" + b"\xff\xd0" + b"\xff\x01" + b"\xff\xd8" + sof(0xC1, 7, 9) + b"\x00", (7, 9)),
])
def test_sizes_from_headers(tmp_path, data, size):
    assert image_size(write(tmp_path, "picture", data)) == size


@pytest.mark.parametrize("marker", [0xC4, 0xC8, 0xCC, 0xBF, 0xD0, 0xD7, 0xD8, 0x01])
def test_jpeg_markers_that_are_no_frame_header_are_not_read_as_one(tmp_path, marker):
    # the segment is skipped by its length (or as a marker without one), and the real header read after it
    fake = segment(marker, b"\x08" + struct.pack(">HH", 11, 22) + bytes(10)) if marker not in (0xD0, 0xD7, 0xD8, 0x01) \
        else b"\xff" + bytes([marker])
    assert image_size(write(tmp_path, "x.jpg", b"\xff\xd8" + fake + sof(0xC0, 100, 50) + b"\x00")) == (100, 50)


@pytest.mark.parametrize("data", [
    b"",
    b"not an image at all",
    png(640, 480)[:23],
    b"GIF89a\x40\x01\x00",
    webp(b"VP8X", b"\x00\x00\x00\x00" + (1919).to_bytes(3, "little") + (1079).to_bytes(3, "little"))[:29],
    webp(b"VP8 ", b"\x00\x00\x00\x9d\x01\x2a" + struct.pack("<HH", 800, 600))[:29],
    webp(b"VP8L", b"\x2f" + (299 | (199 << 14)).to_bytes(4, "little"))[:24],
    webp(b"ALPH", bytes(20)),
    b"RIFF\x00\x00\x00\x00WAVEfmt " + bytes(20),
    b"\xff\xd8" + APP0 + bytes(40),  # no frame header
    b"\xff\xd8" + sof(0xC0, 1024, 768)[:9],  # cut inside the frame header
])
def test_what_is_not_a_readable_image_has_no_size(tmp_path, data):
    assert image_size(write(tmp_path, "picture", data)) is None


def test_a_frame_header_past_the_first_64_kib_is_not_looked_for(tmp_path):
    padding = segment(0xE1, bytes(65529))  # the frame header starts at byte 65535
    assert image_size(write(tmp_path, "a.jpg", b"\xff\xd8" + padding + sof(0xC0, 8, 4) + b"\x00")) is None
    near = segment(0xE1, bytes(65500))  # at byte 65506: read whole within the first 65536 bytes
    assert image_size(write(tmp_path, "b.jpg", b"\xff\xd8" + near + sof(0xC0, 8, 4) + b"\x00" * 200)) == (8, 4)


def test_a_file_that_cannot_be_read_has_no_size(tmp_path):
    assert image_size(tmp_path / "missing.png") is None
    assert image_size(tmp_path) is None  # a folder
    assert display_size(tmp_path / "missing.tiff") is None


# --- as shown ---------------------------------------------------------------------------------------

def saved(tmp_path, name, size, orientation=None, **options):
    path = tmp_path / name
    exif = Image.Exif()
    if orientation is not None:
        exif[0x0112] = orientation
    Image.new("RGB", size, (120, 90, 60)).save(path, exif=exif, **options)
    return path


@pytest.mark.parametrize("orientation, shown", [(None, (40, 30)), (1, (40, 30)), (3, (40, 30)), (2, (40, 30)),
                                                (5, (30, 40)), (6, (30, 40)), (7, (30, 40)), (8, (30, 40))])
def test_a_jpeg_and_a_webp_turned_a_quarter_by_their_orientation_are_shown_upright(tmp_path, orientation, shown):
    assert display_size(saved(tmp_path, "a.jpg", (40, 30), orientation)) == shown
    assert display_size(saved(tmp_path, "b.JPEG", (40, 30), orientation)) == shown
    assert display_size(saved(tmp_path, "c.webp", (40, 30), orientation)) == shown


@pytest.mark.parametrize("orientation, shown", [(None, (40, 30)), (3, (40, 30)), (6, (30, 40)), (8, (30, 40))])
def test_a_tiff_is_measured_by_pillow_and_shown_upright(tmp_path, orientation, shown):
    """A TIFF has no header image_size reads: Pillow gives its size; it must match the copies the site makes
    (site/photos.py turns them upright with ImageOps.exif_transpose)."""
    from PIL import ImageOps

    path = saved(tmp_path, "scan.tif", (40, 30), orientation)
    assert image_size(path) is None
    with Image.open(path) as im:
        assert ImageOps.exif_transpose(im).size == shown  # what a reader sees
    assert display_size(path) == shown
    assert display_size(saved(tmp_path, "scan.TIFF", (40, 30), orientation)) == shown


def test_an_unreadable_tiff_has_no_size_and_other_pictures_keep_their_headers_size(tmp_path):
    assert display_size(write(tmp_path, "broken.tiff", b"II*\x00" + bytes(20))) is None
    assert display_size(write(tmp_path, "broken.tif", b"not a tiff")) is None
    # a PNG or GIF without an orientation is shown as stored
    assert display_size(write(tmp_path, "a.png", png(640, 480))) == (640, 480)
    assert display_size(write(tmp_path, "a.gif", b"GIF89a" + struct.pack("<HH", 3, 4) + b"\x00")) == (3, 4)
    assert display_size(write(tmp_path, "a.png.txt", b"nothing")) is None
    # a JPEG header Pillow cannot open still gives the header's size
    assert display_size(write(tmp_path, "head.jpg", b"\xff\xd8" + sof(0xC0, 64, 48) + b"\x00")) == (64, 48)
    # a PNG named .jpg: its header's size
    assert display_size(write(tmp_path, "png.jpg", png(5, 6))) == (5, 6)


def test_a_picture_named_tif_that_is_no_tiff_is_measured_by_pillow(tmp_path):
    path = tmp_path / "scan.tif"
    Image.new("RGB", (7, 5)).save(path, format="BMP")  # Pillow reads it; image_size does not know BMP
    assert image_size(path) is None
    assert display_size(path) == (7, 5)


def test_a_png_turned_by_its_exif_orientation_is_shown_upright(tmp_path):
    """site/photos.py turns every picture upright (ImageOps.exif_transpose), a PNG with an eXIf chunk too."""
    assert display_size(saved(tmp_path, "a.png", (40, 30), 6)) == (30, 40)
    assert display_size(saved(tmp_path, "b.png", (40, 30), 3)) == (40, 30)
    assert display_size(saved(tmp_path, "c.png", (40, 30))) == (40, 30)


def test_header_fields_are_read_unsigned_and_exactly_where_they_stand(tmp_path):
    assert image_size(write(tmp_path, "a.png", png(640, 480)[:24])) == (640, 480)  # the IHDR's size, nothing after
    assert image_size(write(tmp_path, "b.png", png(0x80000000, 1))) == (0x80000000, 1)
    assert image_size(write(tmp_path, "c.jpg", b"\xff\xd8" + sof(0xC0, 40000, 50000) + b"\x00")) == (40000, 50000)
    # a lossy WebP followed by its data
    lossy = webp(b"VP8 ", b"\x00\x00\x00\x9d\x01\x2a" + struct.pack("<HH", 800, 600) + bytes(40))
    assert image_size(write(tmp_path, "d.webp", lossy)) == (800, 600)
    # "WEBP" in a file that is no RIFF container is no WebP
    not_riff = b"RIFX" + webp(b"VP8X", b"\x00\x00\x00\x00" + (9).to_bytes(3, "little") + (9).to_bytes(3, "little"))[4:]
    assert image_size(write(tmp_path, "e.webp", not_riff)) is None


def test_jpeg_frame_header_at_the_very_end_and_after_one_stray_byte(tmp_path):
    # the frame header's width and height are the file's last bytes but one
    assert image_size(write(tmp_path, "a.jpg", b"\xff\xd8" + sof(0xC0, 12, 34)[:10])) == (12, 34)
    assert image_size(write(tmp_path, "b.jpg", b"\xff\xd8" + b"\x00" + sof(0xC0, 12, 34) + b"\x00")) == (12, 34)


def test_a_bilevel_tiff_without_bits_per_sample_is_shown_upright(tmp_path):
    path = tmp_path / "fax.tif"
    exif = Image.Exif()
    exif[0x0112] = 6
    Image.new("1", (40, 30)).save(path, exif=exif)  # mode 1: Pillow writes no BitsPerSample tag
    with Image.open(path) as im:
        assert 258 not in im.tag_v2
    assert display_size(path) == (30, 40)
