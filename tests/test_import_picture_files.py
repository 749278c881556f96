"""Pictures sent as files in a Telegram Desktop export (issue 11): a TIFF becomes a photo the site shows
(as the WebP and JPEG copies Pillow makes, like any photo); a HEIC or an SVG is kept as the file it was,
offered to download and never shown: an SVG is published as text, so no script in it can run as a page
of the site. A file whose bytes are not what its name says is not copied."""

import contextlib
import io
import json
from pathlib import Path

import pytest
import yaml
from PIL import Image

from scripts.cli import main
from scripts.content.load import load_content
from scripts.site import generate as gen

SVG = (b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8">'
       b'<script>alert(document.domain)</script><rect width="8" height="8"/></svg>')
HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64  # the brand box of an iPhone's HEIC


def tiff() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (12, 8), (120, 90, 60)).save(out, "TIFF")
    return out.getvalue()


def export(tmp_path: Path, files: dict[str, bytes], messages: list[dict]) -> Path:
    folder = tmp_path / "export"
    for rel, data in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(data)
    (folder / "result.json").write_text(json.dumps({"name": "Victory Archive", "type": "public_channel", "id": 7,
                                                    "messages": messages}), encoding="utf-8")
    return folder / "result.json"


def document(i: int, file: str, mime: str, text: str) -> dict:
    """A picture sent "as a file" (without compression): result.json gives it as a file with its MIME type."""
    return {"id": i, "type": "message", "date": "2023-05-09T10:00:00", "text": text, "file": file, "mime_type": mime}


def run(capsys, content: Path, path: Path) -> tuple[int, str, str]:
    code = main(["--content", str(content), "import", str(path)])
    out, err = capsys.readouterr()
    return code, out, err


def imported(content: Path) -> dict[str, tuple[Path, dict]]:
    """folder name -> (folder, meta) of each imported post, keyed by its text's first word."""
    out = {}
    for folder in (content / "posts").iterdir():
        meta = yaml.safe_load((folder / "meta.yml").read_text(encoding="utf-8"))
        body = (folder / "en.md").read_text(encoding="utf-8")
        out[body.split("title: ", 1)[1].split()[0].strip("'\"")] = (folder, meta)
    return out


@pytest.fixture(scope="module")
def three(tmp_path_factory):
    """(content, posts, docs): the three pictures imported, and the site generated from them once."""
    tmp_path = tmp_path_factory.mktemp("pictures")
    path = export(tmp_path, {"files/map.tiff": tiff(), "files/IMG_0451.HEIC": HEIC, "files/order.svg": SVG},
                  [document(1, "files/map.tiff", "image/tiff", "Tiff: the front line on 1 May 1945."),
                   document(2, "files/IMG_0451.HEIC", "image/heic", "Heic: the memorial today."),
                   document(3, "files/order.svg", "image/svg+xml", "Svg: the order of the day, redrawn.")])
    content = tmp_path / "content"
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["--content", str(content), "import", str(path)]) == 0
    assert "attention:" not in out.getvalue(), out.getvalue()  # none of them is refused any more
    gen.generate(content, tmp_path / "docs")
    return content, imported(content), tmp_path / "docs"


def test_a_tiff_sent_as_a_file_is_a_photo_the_site_shows(three):
    content, posts, docs = three
    folder, meta = posts["Tiff:"]
    assert meta["gallery"] == [{"image": "map.tiff"}] and "missing_media" not in meta
    [entry] = [e for e in load_content(content).entries if e.id == folder.name]
    assert (entry.gallery[0].width, entry.gallery[0].height) == (12, 8)
    published = sorted(p.name for p in (docs / "en" / "posts" / folder.name).iterdir())
    assert published == ["map-12.jpg", "map-12.webp"]  # copies only: the TIFF itself is not published
    page = (docs / "en" / "posts" / f"{folder.name}.md").read_text(encoding="utf-8")
    assert 'src="map-12.jpg"' in page and ".tiff" not in page


def test_a_heic_and_an_svg_are_kept_as_files_to_download(three):
    content, posts, docs = three
    (heic, heic_meta), (svg, svg_meta) = posts["Heic:"], posts["Svg:"]
    assert heic_meta["gallery"] == [{"file": "IMG_0451.HEIC"}] and svg_meta["gallery"] == [{"file": "order.svg"}]
    assert (heic / "IMG_0451.HEIC").read_bytes() == HEIC and (svg / "order.svg").read_bytes() == SVG
    files = {e.id: e.gallery[0].file for e in load_content(content).entries}
    assert (files[heic.name], files[svg.name]) == ("IMG_0451.HEIC", "order.svg")
    posts_dir = docs / "en" / "posts"
    assert sorted(p.name for p in (posts_dir / heic.name).iterdir()) == ["IMG_0451.HEIC"]
    assert sorted(p.name for p in (posts_dir / svg.name).iterdir()) == ["order.svg.txt"]  # text/plain: never run
    assert (posts_dir / svg.name / "order.svg.txt").read_bytes() == SVG
    page = (posts_dir / f"{svg.name}.md").read_text(encoding="utf-8")
    assert ('<a class="photo-download" href="order.svg.txt" download="order.svg">Download the picture (SVG file, '
            "which browsers do not show)</a>") in page
    assert "<img" not in page and "<script" not in page and 'href="order.svg"' not in page
    # the archive holds it: a gallery box with the link, not "the photos were published at the source"
    assert '<figure class="photo" id="photo-1"' in page and "photos-elsewhere" not in page
    ru = (docs / "ru" / "posts" / f"{heic.name}.md").read_text(encoding="utf-8")
    assert (f'href="../../../posts/{heic.name}/IMG&#95;0451.HEIC" download="IMG&#95;0451.HEIC">Скачать изображение '
            "(файл HEIC, браузеры его не показывают)</a>") in ru


def test_a_picture_file_that_is_not_what_its_name_says_is_not_copied(tmp_path, capsys):
    path = export(tmp_path, {"files/fake.heic": b"\x89PNG not a heic", "files/page.svg": b"<html><script>x</script></html>"},
                  [document(1, "files/fake.heic", "image/heic", "One: a photo."),
                   document(2, "files/page.svg", "image/svg+xml", "Two: a drawing.")])
    content = tmp_path / "content"
    code, out, _ = run(capsys, content, path)
    assert code == 0
    posts = imported(content)
    one, two = posts["One:"][0].name, posts["Two:"][0].name
    assert (f"attention: content/posts/{one}: photo 1: files/fake.heic is not a HEIC picture (expected an ISO-BMFF file "
            "with a HEIF brand, as iPhones write); not copied") in out
    assert (f"attention: content/posts/{two}: photo 1: files/page.svg is not an SVG picture (expected a file whose "
            "root element is <svg>); not copied") in out
    assert not list((content / "posts" / one).glob("*.heic")) and not list((content / "posts" / two).glob("*.svg"))


def test_a_picture_sent_as_a_file_in_the_html_export(tmp_path, capsys):
    folder = tmp_path / "ChatExport"
    (folder / "files").mkdir(parents=True)
    (folder / "files" / "scan.svg").write_bytes(SVG)
    (folder / "messages.html").write_text(
        '<div class="page_header"><div class="text bold">Victory Archive</div></div><div class="history">'
        '<div class="message default clearfix" id="message5"><div class="body">'
        '<div class="pull_right date details" title="09.05.2023 10:00:00 UTC+03:00">10:00</div>'
        '<div class="from_name">Victory Archive</div><div class="media_wrap clearfix">'
        '<a class="media clearfix pull_left block_link media_file" href="files/scan.svg"><div class="fill pull_left">'
        '</div><div class="body"><div class="title bold">scan.svg</div><div class="status details">1.2 KB</div></div></a>'
        '</div><div class="text">The scan of the order.</div></div></div></div>', encoding="utf-8")
    content = tmp_path / "content"
    code, out, err = run(capsys, content, folder / "messages.html")
    assert (code, err) == (0, "")
    [(post, meta)] = imported(content).values()
    assert meta["gallery"] == [{"file": "scan.svg"}] and "missing_media" not in meta
    assert (post / "scan.svg").read_bytes() == SVG
