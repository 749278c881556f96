"""Photos named by a path in a source (scripts/sources/photos.py), rule by rule: each test builds its own
small files, and states the names, notes or refusals a contributor would see, written out by hand
(issue 10, item 5: tests that notice a changed line)."""

import io
import os
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from scripts.content.model import Photo
from scripts.sources.photos import (
    check_photo,
    check_picture_file,
    copy_into,
    fit_name,
    plan_photos,
    unique_name,
)

HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"
NOT_HEIC = "is not a HEIC picture (expected an ISO-BMFF file with a HEIF brand, as iPhones write)"
NOT_SVG = "is not an SVG picture (expected a file whose root element is <svg>)"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>'


def png(color=(200, 30, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (2, 2), color).save(out, "PNG")
    return out.getvalue()


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


# check_photo

def test_an_image_pillow_reads_is_a_photo(tmp_path):
    assert check_photo(write(tmp_path / "a.png", png())) is None


def test_a_file_that_is_no_image_is_refused(tmp_path):
    assert check_photo(write(tmp_path / "a.jpg", b"<html>not an image</html>")) == (
        "is not an image Pillow can read (UnidentifiedImageError) (expected a JPEG, PNG, WebP, GIF or TIFF)")


def test_a_broken_image_is_refused(tmp_path):
    assert check_photo(write(tmp_path / "a.png", png()[:40])).startswith("is not an image Pillow can read (")


def test_an_image_too_large_to_decode_safely_is_refused(tmp_path):
    # a PNG header of 10000 x 10000 pixels, more than Pillow's limit of about 89 million
    header = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 10000, 10000, 8, 2, 0, 0, 0))
    data = header + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")
    assert check_photo(write(tmp_path / "bomb.png", data)) == (
        "is not an image Pillow can read (DecompressionBombWarning) (expected a JPEG, PNG, WebP, GIF or TIFF)")


def test_a_photo_is_read_bounded_by_50_mb(tmp_path):
    path = tmp_path / "big.jpg"
    with open(path, "wb") as f:
        f.truncate(50 * 1048576 + 1)
    assert check_photo(path) == "is 50 MB (expected a photo of at most 50 MB)"


def test_a_fifo_is_refused_as_a_photo(tmp_path):
    os.mkfifo(tmp_path / "p.jpg")
    assert check_photo(tmp_path / "p.jpg") == "is a named pipe (FIFO), not a regular file (expected a photo)"


# check_picture_file

@pytest.mark.parametrize("brand", [b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"])
def test_a_heif_file_of_each_brand_is_a_picture(tmp_path, brand):
    assert check_picture_file(write(tmp_path / "a.heic", b"\x00\x00\x00\x18ftyp" + brand + b"\x00" * 8)) is None


@pytest.mark.parametrize("data", [b"\x00\x00\x00\x18ftypmp42\x00\x00", b"\x00\x00\x00\x18FTYPheic", b"heic",
                                  b"\xff\xd8\xff\xe0\x00\x10JFIF"])
def test_a_file_named_heic_that_is_not_one_is_refused(tmp_path, data):
    assert check_picture_file(write(tmp_path / "a.HEIF", data)) == NOT_HEIC


@pytest.mark.parametrize("data", [
    SVG, (b'  \n<?xml version="1.0" encoding="UTF-8"?>\n<!-- drawn by hand -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG'
    b' 1.1//EN" "x">\n<svg>'), b"<svg\nwidth='1'>",
])
def test_a_file_whose_root_is_svg_is_a_picture(tmp_path, data):
    assert check_picture_file(write(tmp_path / "a.svg", data)) is None


@pytest.mark.parametrize("data", [b"<html><svg></svg></html>", b"<svgx>", b"<!-- a -->x<svg>", HEIC,
                                  b"<!--" + b" " * 70000 + b"--><svg>"])
def test_a_file_named_svg_whose_root_is_not_svg_is_refused(tmp_path, data):
    assert check_picture_file(write(tmp_path / "a.SVG", data)) == NOT_SVG


def test_a_picture_file_that_cannot_be_read_is_refused_saying_why(tmp_path):
    assert check_picture_file(tmp_path / "gone.heic") == (
        "cannot read: No such file or directory (expected a picture that exists and can be read)")
    os.mkfifo(tmp_path / "p.svg")
    assert check_picture_file(tmp_path / "p.svg") == "is a named pipe (FIFO), not a regular file (expected a picture)"


# plan_photos

def test_photos_in_the_export_are_copied_under_their_own_names(tmp_path):
    export = tmp_path / "ChatExport"
    a = write(export / "photos" / "a.jpg", png())
    b = write(export / "photos" / "IMG_2.heic", HEIC)
    photos = [Photo(1, "one", image="photos/a.jpg"), Photo(2, "two", image="photos/IMG_2.heic"),
              Photo(3, "three")]
    out, copies, notes = plan_photos(photos, export, "content/posts/p", None)
    assert out == [Photo(1, "one", image="a.jpg"), Photo(2, "two", file="IMG_2.heic"), Photo(3, "three")]
    assert copies == [("a.jpg", a), ("IMG_2.heic", b)]
    assert notes == []


def test_a_photo_outside_the_export_or_of_another_kind_is_not_copied(tmp_path):
    export = tmp_path / "ChatExport"
    write(tmp_path / "secret.jpg", png())
    write(export / "notes.txt", b"x")
    photos = [Photo(1, "", image="../secret.jpg"), Photo(2, "", image="notes.txt"),
              Photo(3, "", image="/etc/passwd")]
    out, copies, notes = plan_photos(photos, export, "content/posts/p", None)
    assert out == [Photo(1, ""), Photo(2, ""), Photo(3, "")]
    assert copies == []
    assert notes == ["content/posts/p: photo 1: '../secret.jpg' is not an image inside the export folder; not copied",
                     "content/posts/p: photo 2: 'notes.txt' is not an image inside the export folder; not copied",
                     "content/posts/p: photo 3: '/etc/passwd' is not an image inside the export folder; not copied"]


def test_a_photo_not_saved_with_the_page_is_recorded_by_its_address(tmp_path):
    out, copies, notes = plan_photos([Photo(1, "c", image="a_files/1.jpg", url="https://e.org/1.jpg")], tmp_path,
                                     "content/posts/p", None)
    assert (out, copies) == ([Photo(1, "c", url="https://e.org/1.jpg")], [])
    assert notes == [("content/posts/p: photo 1: a_files/1.jpg is not beside the page (saved without its files?): "
                     "recorded as not captured, with its address https://e.org/1.jpg")]


def test_a_photo_missing_from_the_export_says_how_to_add_it(tmp_path):
    out, copies, notes = plan_photos([Photo(4, "c", image="photos/PHOTO.JPG")], tmp_path, "content/posts/p", None)
    assert (out, copies) == ([Photo(4, "c")], [])
    assert notes == [(f"content/posts/p: photo 4: photos/PHOTO.JPG is not in {tmp_path}; copy it into the post folder "
                     "and add 'image: PHOTO.JPG' to its gallery item in meta.yml")]


def test_a_photo_that_is_a_dangling_link_is_a_missing_photo(tmp_path):
    (tmp_path / "photos").mkdir()
    os.symlink(tmp_path / "photos" / "nowhere.jpg", tmp_path / "photos" / "a.jpg")
    out, copies, notes = plan_photos([Photo(1, "c", image="photos/a.jpg", url="https://e.org/a.jpg")], tmp_path,
                                     "content/posts/p", None)
    assert out == [Photo(1, "c", url="https://e.org/a.jpg")]
    assert (copies, notes) == ([], [
        ("content/posts/p: photo 1: photos/a.jpg is not beside the page (saved without its files?): recorded as not "
        "captured, with its address https://e.org/a.jpg")])


def test_a_bad_photo_or_picture_is_not_copied_and_says_why(tmp_path):
    write(tmp_path / "photos" / "a.png", b"not a png")
    write(tmp_path / "photos" / "b.svg", b"<html>")
    out, copies, notes = plan_photos([Photo(1, "c", image="photos/a.png"), Photo(2, "d", image="photos/b.svg")],
                                     tmp_path, "content/posts/p", None)
    assert (out, copies) == ([Photo(1, "c"), Photo(2, "d")], [])
    assert notes == [("content/posts/p: photo 1: photos/a.png is not an image Pillow can read (UnidentifiedImageError) "
                     "(expected a JPEG, PNG, WebP, GIF or TIFF); not copied"),
                     f"content/posts/p: photo 2: photos/b.svg {NOT_SVG}; not copied"]


def test_two_photos_of_one_name_get_two_names_whatever_their_case(tmp_path):
    a = write(tmp_path / "photos" / "x" / "1.jpg", png((1, 1, 1)))
    b = write(tmp_path / "photos" / "y" / "1.JPG", png((2, 2, 2)))
    c = write(tmp_path / "photos" / "z" / "1.jpg", png((3, 3, 3)))
    out, copies, notes = plan_photos([Photo(1, "", image="photos/x/1.jpg"), Photo(2, "", image="photos/y/1.JPG"),
                                      Photo(3, "", image="photos/z/1.jpg")], tmp_path, "content/posts/p", None)
    assert [p.image for p in out] == ["1.jpg", "1-2.JPG", "1-3.jpg"]
    assert copies == [("1.jpg", a), ("1-2.JPG", b), ("1-3.jpg", c)]
    assert notes == []


def test_a_photo_already_in_the_folder_keeps_its_name_and_another_gets_a_new_one(tmp_path):
    folder = tmp_path / "content" / "posts" / "p"
    write(folder / "1.jpg", png((1, 1, 1)))
    write(folder / "2.jpg", png((9, 9, 9)))
    same = write(tmp_path / "export" / "photos" / "1.jpg", png((1, 1, 1)))
    other = write(tmp_path / "export" / "photos" / "2.jpg", png((2, 2, 2)))
    _, copies, _ = plan_photos([Photo(1, "", image="photos/1.jpg"), Photo(2, "", image="photos/2.jpg")],
                                 tmp_path / "export", "content/posts/p", folder)
    assert copies == [("1.jpg", same), ("2-2.jpg", other)]


def test_a_held_file_that_cannot_be_read_is_not_the_same_photo(tmp_path):
    folder = tmp_path / "p"
    (folder / "1.jpg").mkdir(parents=True)  # a folder of that name: not the same bytes
    src = write(tmp_path / "e" / "1.jpg", png())
    assert unique_name("1.jpg", set(), src, folder) == "1-2.jpg"


def test_a_held_file_of_the_same_size_but_other_bytes_is_not_the_same(tmp_path):
    folder = tmp_path / "p"
    write(folder / "1.jpg", b"abcd")
    src = write(tmp_path / "e" / "1.jpg", b"abce")
    assert unique_name("1.jpg", set(), src, folder) == "1-2.jpg"
    write(folder / "2.jpg", b"abce")
    assert unique_name("2.jpg", set(), src, folder) == "2.jpg"


def test_a_name_taken_in_the_post_is_skipped_without_case(tmp_path):
    src = write(tmp_path / "1.jpg", b"x")
    assert unique_name("A.jpg", {"a.jpg", "a-2.jpg"}, src, None) == "A-3.jpg"
    assert unique_name("noext", {"noext"}, src, None) == "noext-2"


# fit_name

def test_a_name_is_cut_to_255_bytes_at_a_character():
    assert fit_name("a" * 300, ".jpg") == "a" * 251 + ".jpg"
    assert len(fit_name("я" * 200, "-2.jpg").encode()) == 254  # 124 two-byte letters and the tail
    assert fit_name("я" * 200, "-2.jpg") == "я" * 124 + "-2.jpg"
    assert fit_name("short", ".jpg") == "short.jpg"
    assert fit_name("a" * 251, ".jpg") == "a" * 251 + ".jpg"


def test_a_name_with_undecodable_bytes_is_measured_as_its_bytes():
    name = os.fsdecode(b"caf\xe9")
    assert fit_name(name, ".jpg") == name + ".jpg"
    assert fit_name("a" * 250 + name, ".jpg") == "a" * 250 + "c.jpg"


# copy_into

def test_copies_are_made_unless_the_stage_holds_the_name(tmp_path):
    stage = tmp_path / "stage"
    stage.mkdir()
    (stage / "kept.jpg").write_bytes(b"linked")
    a = write(tmp_path / "a.jpg", b"new a")
    b = write(tmp_path / "b.jpg", b"new b")
    copy_into(stage, [("a.jpg", a), ("kept.jpg", b)])
    assert (stage / "a.jpg").read_bytes() == b"new a"
    assert (stage / "kept.jpg").read_bytes() == b"linked"
