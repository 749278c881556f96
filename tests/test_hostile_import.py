"""Hostile and broken input on the import side (issue 9): each case gives its exact message and exit
status, and leaves content/ unchanged (a refusal) or complete (every post folder whole: an import that
went ahead, or one stopped by a fault while writing). Faults of the process (locks, kill -9, a full
disk, workers) are in tests/test_import_faults.py."""

import hashlib
import json
import os
import shutil
import socket
import struct
import zlib
from pathlib import Path

import pytest

from scripts.cli import main
from scripts.content.checks import check
from scripts.content.load import load_content
from scripts.site import generate as gen
from scripts.sources import force as forcing
from tests.conftest import GALLERY_SEED, TELEGRAM_SEED

EXPECTED_SOURCE = "a saved page or a result.json"


# --- helpers ---------------------------------------------------------------------------------------


def snapshot(root: Path) -> dict:
    """Every file and folder under root: bytes digest and mode (what 'unchanged' compares)."""
    out = {}
    for dirpath, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(dirpath) / name
            rel = path.relative_to(root).as_posix()
            st = path.lstat()
            out[rel] = (oct(st.st_mode), hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None)
    return out


def assert_complete(root: Path) -> None:
    """content/ loads, and holds no staging folder, old copy or temporary file."""
    load_content(root)
    left = [p for p in root.rglob("*") if p.name.startswith((".staging-", ".old-", ".tmp-"))]
    assert left == []


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("seeded") / "content"
    assert main(["--content", str(root), "import", str(TELEGRAM_SEED)]) == 0
    return root


@pytest.fixture
def content(tmp_path, seeded, capsys) -> Path:
    """A content folder that already holds the four posts of the Telegram seed."""
    root = tmp_path / "content"
    shutil.copytree(seeded, root)
    capsys.readouterr()
    return root


def run(capsys, content: Path, *args) -> tuple[int, str, str]:
    code = main(["--content", str(content), "import", *map(str, args)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def refused(capsys, content: Path, *args) -> str:
    """The error line of an import that must refuse: exit status 1, content/ unchanged."""
    before = snapshot(content)
    code, out, err = run(capsys, content, *args)
    assert code == 1
    assert out == ""
    assert snapshot(content) == before
    assert err.startswith("error: ") and err.endswith("\n") and err.count("\n") == 1
    return err[len("error: "):-1]


def channel_page(tmp_path: Path, name: str, body: str | bytes) -> Path:
    path = tmp_path / name
    data = body if isinstance(body, bytes) else body.encode("utf-8")
    path.write_bytes(data)
    return path


def export(tmp_path: Path, messages, name="Test Channel", raw: str | None = None) -> Path:
    folder = tmp_path / "export"
    folder.mkdir(exist_ok=True)
    path = folder / "result.json"
    text = raw if raw is not None else json.dumps({"name": name, "type": "public_channel", "id": 42,
                                                   "messages": messages}, ensure_ascii=False, indent=1)
    path.write_text(text, encoding="utf-8")
    return path


def message(i: int, text: str = "A photo of the parade on the square.", **extra) -> dict:
    return {"id": i, "type": "message", "date": "2023-05-09T10:00:00", "text": text, **extra}


def png(width: int = 2, height: int = 2) -> bytes:
    """A real PNG of width x height (grey)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def folders(root: Path) -> list[str]:
    return sorted(p.name for p in (root / "posts").iterdir())


# --- what a source is: type and size ----------------------------------------------------------------


def test_a_fifo_is_refused_by_type_without_blocking(content, tmp_path, capsys):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert refused(capsys, content, fifo) == (
        f"{fifo}: is a named pipe (FIFO), not a regular file (expected {EXPECTED_SOURCE})")


def test_dev_zero_is_refused_by_type(content, capsys):
    assert refused(capsys, content, "/dev/zero") == (
        f"/dev/zero: is a character device, not a regular file (expected {EXPECTED_SOURCE})")


def test_dev_null_is_refused_by_type(content, capsys):
    assert refused(capsys, content, "/dev/null") == (
        f"/dev/null: is a character device, not a regular file (expected {EXPECTED_SOURCE})")


def test_a_socket_is_refused_by_type(content, tmp_path, capsys):
    path = tmp_path / "s.sock"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))
    try:
        assert refused(capsys, content, path) == (
            f"{path}: is a socket, not a regular file (expected {EXPECTED_SOURCE})")
    finally:
        sock.close()


def test_a_symlink_to_a_fifo_is_refused_by_what_it_points_to(content, tmp_path, capsys):
    fifo, link = tmp_path / "pipe", tmp_path / "page.txt"
    os.mkfifo(fifo)
    link.symlink_to(fifo)
    assert refused(capsys, content, link) == (
        f"{link}: is a named pipe (FIFO), not a regular file (expected {EXPECTED_SOURCE})")


def test_a_folder_is_refused(content, tmp_path, capsys):
    assert refused(capsys, content, tmp_path) == (
        f"{tmp_path}: is a folder (expected a file: {EXPECTED_SOURCE})")


def test_a_3_gb_source_is_refused_by_size_before_reading(content, tmp_path, capsys):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as f:
        f.truncate(3 * 2**30)  # sparse: no disk used
    assert refused(capsys, content, big) == (
        f"{big}: is 3.0 GB (expected {EXPECTED_SOURCE} of at most 256 MB)")


def test_a_missing_source(content, tmp_path, capsys):
    assert refused(capsys, content, tmp_path / "gone.txt") == (
        f"{tmp_path / 'gone.txt'}: cannot read: No such file or directory (expected {EXPECTED_SOURCE} "
        "that exists and can be read)")


def test_a_dangling_symlink(content, tmp_path, capsys):
    link = tmp_path / "page.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    assert refused(capsys, content, link) == (
        f"{link}: cannot read: No such file or directory (expected {EXPECTED_SOURCE} that exists and can be read)")


def test_a_path_through_a_regular_file(content, tmp_path, capsys):
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    path = tmp_path / "file.txt" / "page.txt"
    assert refused(capsys, content, path) == (
        f"{path}: cannot read: Not a directory (expected {EXPECTED_SOURCE} that exists and can be read)")


def test_a_bad_file_after_a_good_one_stops_both(content, tmp_path, capsys):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert refused(capsys, content, GALLERY_SEED, fifo) == (
        f"{fifo}: is a named pipe (FIFO), not a regular file (expected {EXPECTED_SOURCE})")


# --- impossible dates --------------------------------------------------------------------------------

GALLERY = "{date}\nIntro of the article about the meeting.\n© Sputnik / Ivan Shagin\nSoldiers meet. - Sputnik International\n1/1\n"
EXPECTED_DATE = "(expected a real date, e.g. 2023-02-28 or 28.02.2023)"


@pytest.mark.parametrize("line, written", [
    ("Sputnik date 2023-02-30", "2023-02-30"),
    ("Sputnik date 2023-13-01", "2023-13-01"),
    ("Sputnik date 0000-01-01", "0000-01-01"),
    ("13:59 GMT 31.02.2024", "31.02.2024"),
    ("13:59 GMT 29.02.2023", "29.02.2023"),
])
def test_a_gallery_date_the_calendar_has_not(content, tmp_path, capsys, line, written):
    path = channel_page(tmp_path, "article.txt", GALLERY.format(date=line))
    assert refused(capsys, content, path) == (
        f"{path}:1: the article's date {written} is not a day of the calendar {EXPECTED_DATE}")


def test_a_gallery_date_on_a_later_line_names_that_line(content, tmp_path, capsys):
    path = channel_page(tmp_path, "article.txt", "Title of the article\n" + GALLERY.format(date="Sputnik date 2023-02-30"))
    assert refused(capsys, content, path) == (
        f"{path}:2: the article's date 2023-02-30 is not a day of the calendar {EXPECTED_DATE}")


def test_a_json_date_the_calendar_has_not(content, tmp_path, capsys):
    path = export(tmp_path, [message(1, date="2023-02-30T10:00:00")])
    assert refused(capsys, content, path) == (
        f"{path}:6: message 1 (id 1): 'date' is \"2023-02-30T10:00:00\" (expected e.g. \"2023-04-25T10:15:00\")")


# --- Unicode -------------------------------------------------------------------------------------------

SURROGATE = "(half of a character pair) in its text (expected valid Unicode text: the export is damaged here)"


def test_a_lone_high_surrogate_in_a_json_text(content, tmp_path, capsys):
    raw = ('{\n "name": "C",\n "messages": [\n  {"id": 5, "type": "message", "date": "2023-05-09T10:00:00",\n'
           '   "text": "Victory \\ud83d day"}\n ]\n}\n')
    path = export(tmp_path, None, raw=raw)
    assert refused(capsys, content, path) == f"{path}:5: item 5: a lone surrogate \\ud83d {SURROGATE}"


def test_a_lone_low_surrogate_in_the_channel_name(content, tmp_path, capsys):
    raw = ('{\n "name": "Chan\\udc00nel",\n "messages": [\n  {"id": 7, "type": "message", "date": "2023-05-09T10:00:00",'
           ' "text": "Victory day"}\n ]\n}\n')
    path = export(tmp_path, None, raw=raw)
    assert refused(capsys, content, path) == f"{path}:2: item 7: a lone surrogate \\udc00 {SURROGATE}"


def test_a_lone_surrogate_in_forwarded_from(content, tmp_path, capsys):
    raw = ('{"name": "C", "messages": [{"id": 3, "type": "message", "date": "2023-05-09T10:00:00",\n'
           '"forwarded_from": "\\ud800", "text": "Victory day"}]}\n')
    path = export(tmp_path, None, raw=raw)
    assert refused(capsys, content, path) == f"{path}:2: item 3: a lone surrogate \\ud800 {SURROGATE}"


def test_a_surrogate_pair_is_one_character_and_is_imported(content, tmp_path, capsys):
    raw = ('{"name": "C", "messages": [{"id": 3, "type": "message", "date": "2023-05-09T10:00:00",'
           ' "text": "Victory day \\ud83c\\udf89 for all of us"}]}\n')
    path = export(tmp_path, None, raw=raw)
    code, out, _ = run(capsys, content, path)
    assert code == 0 and "1 created" in out
    assert_complete(content)
    assert "Victory day 🎉 for all of us" in (only_post(content) / "en.md").read_text(encoding="utf-8")


def test_a_source_name_that_is_not_utf8_is_archived_under_one_that_is(content, tmp_path, capsys):
    path = Path(os.fsdecode(bytes(tmp_path) + b"/page\xff\xfe.txt"))
    path.write_text("Forwarded from Channel\nA post saved under an odd name.\n", encoding="utf-8")
    code, out, err = run(capsys, content, path)
    assert code == 0 and err == ""
    shown = f"{tmp_path}/page\\xff\\xfe.txt"
    assert "created content/posts/a-post-saved-under-an-odd (page\\xff\\xfe.txt item 1, en: A post saved under an odd name)" in out
    assert f"attention: {shown}: its name is not UTF-8 text: archived as sources/page__.txt" in out
    assert (content / "sources" / "page__.txt").read_bytes() == path.read_bytes()
    assert_complete(content)


def test_an_error_in_a_file_whose_name_is_not_utf8_prints(content, tmp_path, capsys):
    path = Path(os.fsdecode(bytes(tmp_path) + b"/empty\xff.txt"))
    path.write_bytes(b"")
    message = refused(capsys, content, path)
    assert message.startswith(f"{tmp_path}/empty\\xff.txt:1: the file is empty (expected a saved t.me/s channel page")


def test_a_utf8_page_with_one_windows_1251_line(content, tmp_path, capsys):
    data = ("Forwarded from Канал\nПамять о войне живёт в каждой семье.\n".encode("utf-8")
            + "Вечная слава героям войны.\n".encode("cp1251"))
    path = channel_page(tmp_path, "mixed.txt", data)
    code, out, _ = run(capsys, content, path)
    assert code == 0
    assert (f"attention: {path}:3: line 3 read as Windows-1251, the rest as UTF-8 (expected one encoding per "
            "file: check those lines)") in out
    body = (content / "posts" / "pamyat-o-voyne-zhivet-v-kazhdoy" / "ru.md").read_text(encoding="utf-8")
    # neither garbled: the first sentence is the title (sources/write.py title_once), the second the body
    assert "title: Память о войне живёт в каждой семье.\n" in body and "\n\nВечная слава героям войны.\n" in body
    assert_complete(content)


def test_a_page_in_windows_1251_throughout_reads_without_a_warning(content, tmp_path, capsys):
    path = channel_page(tmp_path, "cp.txt", "Forwarded from Канал\nВечная слава героям войны.\n".encode("cp1251"))
    code, out, _ = run(capsys, content, path)
    assert code == 0 and "Windows-1251" not in out and "1 created" in out
    assert_complete(content)


def test_a_latin1_line_in_a_utf8_page_is_refused_at_its_line(content, tmp_path, capsys):
    data = "Forwarded from Chan\nПамять живёт.\n".encode("utf-8") + "Un café à la gare.\n".encode("latin-1")
    path = channel_page(tmp_path, "latin.txt", data)
    assert refused(capsys, content, path) == f"{path}:3: not UTF-8 text (expected the file saved as UTF-8)"


def test_a_byte_windows_1251_has_not(content, tmp_path, capsys):
    path = channel_page(tmp_path, "cp.txt", "Forwarded from Канал\n".encode("cp1251") + b"\x98\xc2\xe5\xf7\xed\xe0\xff\n")
    assert refused(capsys, content, path) == f"{path}:1: not UTF-8 text (expected the file saved as UTF-8)"


def test_a_nul_byte_in_a_page(content, tmp_path, capsys):
    path = channel_page(tmp_path, "nul.txt", b"Forwarded from Chan\nline two\nbroken\x00line\n")
    assert refused(capsys, content, path) == (
        f"{path}:3: binary data, not text (expected a saved page or article as UTF-8 text)")


def test_json_nested_too_deep(content, tmp_path, capsys):
    path = export(tmp_path, None, raw='{"messages": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert refused(capsys, content, path) == (
        f"{path}:1: not valid JSON: maximum recursion depth exceeded while decoding a JSON array from a unicode "
        "string (expected a Telegram Desktop result.json)")


# --- names: collisions and length ---------------------------------------------------------------------


def test_a_long_source_name_that_collides_stays_within_255_bytes(content, tmp_path, capsys):
    name = "п" * 125 + ".txt"  # 254 bytes in UTF-8
    first, second = tmp_path / "a" / name, tmp_path / "b" / name
    first.parent.mkdir()
    second.parent.mkdir()
    first.write_text("Forwarded from Chan\nThe first page of the two.\n", encoding="utf-8")
    second.write_text("Forwarded from Chan\nThe second page, another text.\n", encoding="utf-8")
    assert run(capsys, content, first)[0] == 0
    code, out, _ = run(capsys, content, second)
    assert code == 0 and "1 created" in out
    digest = hashlib.sha256(second.read_bytes()).hexdigest()[:8]
    archived = sorted(p.name for p in (content / "sources").iterdir() if p.name.startswith("п"))
    assert archived == ["п" * 121 + f"-{digest}.txt", name]  # 242 + 13 bytes, 250 + 4
    assert all(len(n.encode()) <= 255 for n in archived)
    assert_complete(content)


# --- photos ------------------------------------------------------------------------------------------


def photo_export(tmp_path: Path, files: dict[str, bytes | None], messages) -> Path:
    for rel, data in files.items():
        path = tmp_path / "export" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if data is not None:
            path.write_bytes(data)
    return export(tmp_path, messages)


def only_post(content: Path, skip=("a-historical-meeting-on-the-elbe", "s-dnem-velikoy-pobedy",
                                   "every-year-on-may-9-we", "otd-in-1944-soviet-forces-launched")) -> Path:
    [folder] = [p for p in (content / "posts").iterdir() if p.name not in skip]
    return folder


def test_a_3_gb_photo_is_not_copied_and_the_post_is_imported(content, tmp_path, capsys):
    big = tmp_path / "export" / "photos" / "big.jpg"
    big.parent.mkdir(parents=True)
    with open(big, "wb") as f:
        f.truncate(3 * 2**30)
    path = photo_export(tmp_path, {}, [message(1, photo="photos/big.jpg")])
    code, out, _ = run(capsys, content, path)
    assert code == 0
    folder = only_post(content)
    assert (f"attention: content/posts/{folder.name}: photo 1: photos/big.jpg is 3.0 GB (expected a photo of at "
            "most 50 MB); not copied") in out
    assert sorted(p.name for p in folder.iterdir()) == [".imported.json", "en.md", "meta.yml"]
    assert_complete(content)


def test_a_fifo_as_a_photo_is_not_read(content, tmp_path, capsys):
    (tmp_path / "export" / "photos").mkdir(parents=True)
    os.mkfifo(tmp_path / "export" / "photos" / "p.jpg")
    path = photo_export(tmp_path, {}, [message(1, photo="photos/p.jpg")])
    code, out, _ = run(capsys, content, path)
    assert code == 0
    folder = only_post(content)
    assert (f"attention: content/posts/{folder.name}: photo 1: photos/p.jpg is a named pipe (FIFO), not a regular "
            "file (expected a photo); not copied") in out
    assert_complete(content)


def test_a_text_file_named_jpg_is_not_a_photo(content, tmp_path, capsys):
    path = photo_export(tmp_path, {"photos/fake.jpg": b"<html>not a photo</html>"}, [message(1, photo="photos/fake.jpg")])
    code, out, _ = run(capsys, content, path)
    folder = only_post(content)
    assert code == 0 and (f"attention: content/posts/{folder.name}: photo 1: photos/fake.jpg is not an image Pillow can "
                          "read (UnidentifiedImageError) (expected a JPEG, PNG, WebP, GIF or TIFF); not copied") in out
    assert not (folder / "fake.jpg").exists()
    assert_complete(content)


def test_a_png_with_a_broken_checksum_is_not_a_photo(content, tmp_path, capsys):
    data = bytearray(png())
    data[50] ^= 0xFF  # inside IDAT's data: its CRC no longer matches
    path = photo_export(tmp_path, {"photos/broken.png": bytes(data)}, [message(1, photo="photos/broken.png")])
    code, out, _ = run(capsys, content, path)
    folder = only_post(content)
    assert code == 0 and (f"attention: content/posts/{folder.name}: photo 1: photos/broken.png is not an image Pillow "
                          "can read (SyntaxError) (expected a JPEG, PNG, WebP, GIF or TIFF); not copied") in out
    assert_complete(content)


def test_a_decompression_bomb_is_not_a_photo(content, tmp_path, capsys):
    path = photo_export(tmp_path, {"photos/bomb.png": png(20000, 20000)}, [message(1, photo="photos/bomb.png")])
    code, out, _ = run(capsys, content, path)
    folder = only_post(content)
    assert code == 0 and (f"attention: content/posts/{folder.name}: photo 1: photos/bomb.png is not an image Pillow "
                          "can read (DecompressionBombError) (expected a JPEG, PNG, WebP, GIF or TIFF); not copied") in out
    assert_complete(content)


def test_two_album_photos_with_one_name_from_two_folders_are_both_kept(content, tmp_path, capsys):
    a, b = png(2, 2), png(3, 3)
    msgs = [message(1, photo="a/1.png"), {"id": 2, "type": "message", "date": "2023-05-09T10:00:00", "text": "",
                                           "photo": "b/1.png"}]
    path = photo_export(tmp_path, {"a/1.png": a, "b/1.png": b}, msgs)
    code, out, _ = run(capsys, content, path)
    assert code == 0 and "1 created" in out
    folder = only_post(content)
    assert (folder / "1.png").read_bytes() == a and (folder / "1-2.png").read_bytes() == b
    assert "image: 1.png" in (folder / "meta.yml").read_text(encoding="utf-8")
    assert "image: 1-2.png" in (folder / "meta.yml").read_text(encoding="utf-8")
    assert_complete(content)


def test_a_photo_that_is_a_real_png_is_copied(content, tmp_path, capsys):
    path = photo_export(tmp_path, {"photos/ok.png": png()}, [message(1, photo="photos/ok.png")])
    code, out, _ = run(capsys, content, path)
    folder = only_post(content)
    assert code == 0 and "attention: content/posts/" + folder.name + ": photo" not in out
    assert (folder / "ok.png").read_bytes() == png()
    assert_complete(content)


# --- file permissions ------------------------------------------------------------------------------


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_imported_files_take_their_mode_from_the_umask(tmp_path, capsys, umask, mode):
    old = os.umask(umask)
    try:
        assert main(["--content", str(tmp_path / "content"), "import", str(TELEGRAM_SEED)]) == 0
    finally:
        os.umask(old)
    modes = {p.relative_to(tmp_path).as_posix(): p.stat().st_mode & 0o777
             for p in (tmp_path / "content").rglob("*") if p.is_file()}
    assert len(modes) > 10 and set(modes.values()) == {mode}


# --- hashtags and tag addresses -----------------------------------------------------------------------


def test_hashtags_index_and_page_get_their_own_addresses(tmp_path, capsys):
    root = tmp_path / "content"
    page = channel_page(tmp_path, "p.txt", "Forwarded from Chan\nThe #index of the archive and its #Page.\n#index #page\n")
    assert main(["--content", str(root), "import", str(page)]) == 0
    gen.generate(root, tmp_path / "docs")
    tags = tmp_path / "docs" / "en" / "tags"
    assert sorted(p.name for p in tags.iterdir()) == ["index-tag.md", "index.md", "page-tag.md"]
    assert "# Tags" in (tags / "index.md").read_text(encoding="utf-8")  # still the tags index
    assert "# Tag: index\n" in (tags / "index-tag.md").read_text(encoding="utf-8")
    post = (tmp_path / "docs" / "en" / "posts" / "the-index-of-the-archive-and.md").read_text(encoding="utf-8")
    assert "[#index](../tags/index-tag.md)" in post and "[#Page](../tags/page-tag.md)" in post
    assert "tags/index.md" not in post.split("---", 2)[2].replace("../tags/index.md){", "")


def test_the_registry_may_not_take_a_reserved_tag_address(golden_copy):
    (golden_copy / "tags.yml").write_text("index:\n  label: Index\n", encoding="utf-8")
    assert [str(p) for p in check(golden_copy)] == [
        "content/tags.yml:1: tag slug 'index' takes an address the site uses for its own pages (/tags/) "
        "(expected another slug, e.g. 'index-tag')"]


def test_null_and_empty_tags_are_errors_not_tag_pages(content):
    meta = content / "posts" / "every-year-on-may-9-we" / "meta.yml"
    text = meta.read_text(encoding="utf-8")
    start = text.index("tags:")
    end = text.index("commemorates:")
    meta.write_text(text[:start] + "tags: [null, '', WWII, ~]\n" + text[end:], encoding="utf-8")
    line = text[:start].count("\n") + 1
    where = "content/posts/every-year-on-may-9-we/meta.yml"
    # The content schema's messages (scripts/content/schema.py: ListOf(Text) for tags).
    assert [str(p) for p in check(content) if not p.warning] == [
        f"{where}:{line}: tags item 1: empty (expected a hashtag)",
        f"{where}:{line}: tags item 2: empty (expected a hashtag)",
        f"{where}:{line}: tags item 4: empty (expected a hashtag)"]


def test_fifty_thousand_hashtags_in_one_post(tmp_path, capsys):
    """Imported and checked whole (it took 520 s in check: a list's `in` per tag); speed is in the bench."""
    root = tmp_path / "content"
    tags = " ".join(f"#tag{i}" for i in range(50_000))
    page = channel_page(tmp_path, "many.txt", f"Forwarded from Chan\nA post with very many hashtags.\n{tags}\n")
    assert main(["--content", str(root), "import", str(page)]) == 0
    assert [p for p in check(root) if not p.warning] == []  # (warnings: the source registry and rights)
    [entry] = load_content(root).entries
    assert len(entry.tags) == 50_000 and entry.tags[-1].slug == "tag49999"


def test_a_post_card_lists_twelve_tags_then_links_to_the_post(tmp_path, capsys):
    root = tmp_path / "content"
    tags = " ".join(f"#tag{i}" for i in range(20))
    page = channel_page(tmp_path, "p.txt", f"Forwarded from Chan\nA post with twenty hashtags.\n{tags}\n")
    assert main(["--content", str(root), "import", str(page)]) == 0
    gen.generate(root, tmp_path / "docs")
    card = (tmp_path / "docs" / "en" / "tags" / "tag3.md").read_text(encoding="utf-8")
    assert card.count('class="tag"') == 12 and "tags/tag11/" in card and "tags/tag12/" not in card
    assert '<a class="tag more" href="../../posts/a-post-with-twenty-hashtags/">+8</a>' in card


# --- --force --------------------------------------------------------------------------------------


ELBE = "a-historical-meeting-on-the-elbe"
ELBE_LABEL = f"{TELEGRAM_SEED.name} item 1"


def as_if_imported(folder: Path, field: str, value) -> None:
    """Record `value` as what the importer wrote for `field` (an older parser's output)."""
    path = folder / forcing.RECORD
    record = json.loads(path.read_text(encoding="utf-8"))
    record[field] = forcing.digest(value)
    path.write_text(json.dumps(record), encoding="utf-8")


def set_meta(folder: Path, old: str, new: str) -> None:
    meta = folder / "meta.yml"
    text = meta.read_text(encoding="utf-8")
    assert old in text
    meta.write_text(text.replace(old, new), encoding="utf-8")


def test_force_replaces_what_the_importer_wrote_and_lists_it(content, capsys):
    folder = content / "posts" / ELBE
    set_meta(folder, "date: '2023-04-25'", "date: '2023-04-20'")
    as_if_imported(folder, "date", "2023-04-20")
    code, out, _ = run(capsys, content, "--force", TELEGRAM_SEED)
    assert code == 0
    assert (f"overwrote content/posts/{ELBE} ({ELBE_LABEL}): --force replaced 1 field; translations were kept\n"
            '  replaced date: "2023-04-20" -> "2023-04-25"\n') in out
    assert "date: '2023-04-25'" in (folder / "meta.yml").read_text(encoding="utf-8")
    assert out.endswith("0 created, 1 overwritten, 3 skipped, 1 need attention\n")
    assert_complete(content)


def test_force_keeps_a_contributors_tags_and_lists_them(content, capsys):
    folder = content / "posts" / ELBE
    set_meta(folder, "- Victory78\n", "- Victory78\n- Elbe\n")
    before = snapshot(content)
    code, out, _ = run(capsys, content, "--force", TELEGRAM_SEED)
    assert code == 0
    assert (f"skipped content/posts/{ELBE} ({ELBE_LABEL}): --force found nothing it may replace\n"
            '  kept tags (changed since it was imported): ["WeWereAllies", "Victory78", "Elbe"]; the source gives '
            '["WeWereAllies", "Victory78"]\n') in out
    assert snapshot(content) == before


def test_force_keeps_a_date_a_contributor_removed(content, capsys):
    folder = content / "posts" / ELBE
    set_meta(folder, "date: '2023-04-25'\n", "")
    code, out, _ = run(capsys, content, "--force", TELEGRAM_SEED)
    assert code == 0
    assert ('  kept date (changed since it was imported): (none); the source gives "2023-04-25"\n') in out
    assert "date:" not in (folder / "meta.yml").read_text(encoding="utf-8")


def test_force_replaces_one_field_and_keeps_an_edited_one_beside_it(content, capsys):
    folder = content / "posts" / ELBE
    set_meta(folder, "date: '2023-04-25'", "date: '2023-04-20'")
    as_if_imported(folder, "date", "2023-04-20")
    set_meta(folder, "kind: telegram-web\n", "kind: telegram-web\n  url: https://t.me/x/1\n")
    ru = folder / "ru.md"
    ru.write_text("---\ntitle: Встреча на Эльбе\ntranslation_of: en\n---\n\nТекст.\n", encoding="utf-8")
    code, out, _ = run(capsys, content, "--force", TELEGRAM_SEED)
    assert code == 0
    assert '  replaced date: "2023-04-20" -> "2023-04-25"\n  kept source (changed since it was imported): ' in out
    meta = (folder / "meta.yml").read_text(encoding="utf-8")
    assert "date: '2023-04-25'" in meta and "url: https://t.me/x/1" in meta
    assert ru.read_text(encoding="utf-8") == "---\ntitle: Встреча на Эльбе\ntranslation_of: en\n---\n\nТекст.\n"
    assert_complete(content)


def test_force_without_a_record_replaces_nothing(content, capsys):
    folder = content / "posts" / ELBE
    (folder / forcing.RECORD).unlink()
    set_meta(folder, "date: '2023-04-25'", "date: '2023-04-20'")
    code, out, _ = run(capsys, content, "--force", TELEGRAM_SEED)
    assert code == 0
    assert ('  kept date (no record of what the importer wrote): "2023-04-20"; the source gives "2023-04-25"\n') in out
    assert "date: '2023-04-20'" in (folder / "meta.yml").read_text(encoding="utf-8")


def test_force_replaces_an_original_text_the_importer_wrote(content, capsys):
    folder = content / "posts" / ELBE
    en = folder / "en.md"
    text = en.read_text(encoding="utf-8")
    old_body = text.split("---\n", 2)[2].strip("\n")
    new_body = old_body.replace("A historical meeting", "An historical meeting")
    en.write_text(text.replace(old_body, new_body), encoding="utf-8")
    as_if_imported(folder, "body", new_body)
    code, out, _ = run(capsys, content, "--force", TELEGRAM_SEED)
    assert code == 0 and ('  replaced body: "An historical meeting on the Elbe River took place…" -> '
                          '"A historical meeting on the Elbe River took place …"\n') in out
    assert en.read_text(encoding="utf-8") == text
    assert_complete(content)
