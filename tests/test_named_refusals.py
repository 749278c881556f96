"""A file the importer cannot use is named for what it is, with what to do instead (issue 11), as
`path:line: problem (expected ...)` on one line, exit status 1, no traceback, nothing written; and an
export folder given whole is imported."""

import shutil
from pathlib import Path

import pytest

from scripts.cli import main

SOURCES = Path(__file__).parent / "fixtures" / "sources"
EXPORT = SOURCES / "tdesktop_html" / "ChatExport_2023-05-10"
JPEG = (SOURCES / "news_article" / "elbe_files" / "1118123402.jpg").read_bytes()
EXPORT_MISSING = ("a Telegram Desktop export, but its messages.html or result.json is missing (expected the export "
                  "folder with messages.html or result.json beside photos/; import the whole folder)")
LATER_PAGE = ("a later page of a Telegram Desktop HTML export without its first page (expected the export folder "
              "with messages.html beside it; import the whole folder)")
NO_MESSAGES = ("a t.me page with no messages in it: the channel's preview page t.me/<channel>, or a t.me/s page whose "
               "HTML holds no posts (expected t.me/s/<channel>, the page that lists the posts, saved once they show)")


def refused(capsys, tmp_path: Path, path: Path) -> str:
    content = tmp_path / "content"
    code = main(["--content", str(content), "import", str(path)])
    out, err = capsys.readouterr()
    assert code == 1 and out == "" and not content.exists()
    assert err.startswith("error: ") and err.count("\n") == 1 and "Traceback" not in err
    return err[len("error: "):-1]


def test_an_export_folder_without_its_messages(tmp_path, capsys):
    folder = tmp_path / "ChatExport_2023-05-10"
    shutil.copytree(EXPORT / "photos", folder / "photos")
    assert refused(capsys, tmp_path, folder) == f"{folder}:1: {EXPORT_MISSING}"
    assert refused(capsys, tmp_path, folder / "photos") == f"{folder}/photos:1: the photos/ folder of {EXPORT_MISSING}"


def test_a_later_page_of_an_html_export_on_its_own(tmp_path, capsys):
    (tmp_path / "export").mkdir()
    shutil.copy(EXPORT / "messages2.html", tmp_path / "export" / "messages2.html")
    page = tmp_path / "export" / "messages2.html"
    assert refused(capsys, tmp_path, page) == f"{page}:1: {LATER_PAGE}"
    assert refused(capsys, tmp_path, tmp_path / "export") == f"{page}:1: {LATER_PAGE}"


def test_a_json_file_that_is_not_an_export(tmp_path, capsys):
    path = tmp_path / "result.json"
    path.write_text('{"about": "Telegram Desktop", "personal_information": {"first_name": "A"}}', encoding="utf-8")
    assert refused(capsys, tmp_path, path) == (
        f"{path}:1: JSON, but not a Telegram Desktop export: no \"messages\" list (expected result.json of a chat or "
        "channel exported with Telegram Desktop, Export chat history, format JSON)")


@pytest.mark.parametrize("html", [
    # t.me/s saved "HTML only" when the channel's history came back empty
    '<html><body><main class="tgme_main"><section class="tgme_channel_history js-message_history">'
    '</section></main></body></html>',
    # the channel's preview page, t.me/<channel> without /s/
    '<html><head><meta property="og:site_name" content="Telegram"></head><body><div class="tgme_page">'
    '<div class="tgme_page_title"><span dir="auto">Victory Archive</span></div></div></body></html>',
])
def test_a_telegram_page_with_no_messages(tmp_path, capsys, html):
    path = tmp_path / "channel.html"
    path.write_text(html, encoding="utf-8")
    assert refused(capsys, tmp_path, path) == f"{path}:1: {NO_MESSAGES}"


def test_an_empty_file(tmp_path, capsys):
    path = tmp_path / "page.html"
    path.write_bytes(b"\n \n")
    assert refused(capsys, tmp_path, path).startswith(f"{path}:1: the file is empty (expected a saved t.me/s channel page")


@pytest.mark.parametrize("name, data, what, instead", [
    ("photo_1@09-05-2023.jpg", JPEG, "a JPEG image",
     "a photo belongs in a post folder, beside meta.yml, named in its gallery as image: photo_1@09-05-2023.jpg"),
    ("scan.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image",
     "a photo belongs in a post folder, beside meta.yml, named in its gallery as image: scan.png"),
    ("article.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF document",
     "save the article as a web page (HTML), or copy its text into a .txt file"),
    ("ChatExport.zip", b"PK\x03\x04\x14\x00\x00\x00", "a ZIP archive",
     "unzip it and import the export folder, or its messages.html or result.json"),
    ("Article.webarchive", b"bplist00\xd1\x01\x02_\x10\x0fWebMainResource", "a Safari web archive",
     'save the page again as "Page Source", or from another browser as "Web page, complete"'),
])
def test_a_binary_file_is_named_for_what_it_is(tmp_path, capsys, name, data, what, instead):
    path = tmp_path / name
    path.write_bytes(data)
    assert refused(capsys, tmp_path, path) == (
        f"{path}:1: {what}, not a saved page (expected a saved page, article or export as text: {instead})")


def test_a_whole_export_folder_is_imported(tmp_path, capsys):
    shutil.copytree(EXPORT, tmp_path / "html")
    code = main(["--content", str(tmp_path / "c1"), "import", str(tmp_path / "html")])
    out, _ = capsys.readouterr()
    assert code == 0 and out.count("created content/posts/") == len(list((tmp_path / "c1" / "posts").iterdir())) > 1
    assert sorted(p.name for p in (tmp_path / "c1" / "sources").iterdir()) == ["messages.html", "messages2.html"]
    shutil.copytree(SOURCES.parent / "telegram_json", tmp_path / "json")
    code = main(["--content", str(tmp_path / "c2"), "import", str(tmp_path / "json")])
    out, _ = capsys.readouterr()
    assert code == 0 and "created content/posts/" in out
    assert sorted(p.name for p in (tmp_path / "c2" / "sources").iterdir()) == ["result.json"]


def test_a_page_saved_as_a_single_file(tmp_path, capsys):
    path = tmp_path / "Article.mhtml"
    path.write_text('From: <Saved by Blink>\r\nSnapshot-Content-Location: https://sputnikglobe.com/20240425/x.html\r\n'
                    'Subject: Spirit of the Elbe\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n'
                    '\ttype="text/html";\r\n\tboundary="----MultipartBoundary--abc----"\r\n\r\n'
                    '------MultipartBoundary--abc----\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: '
                    'quoted-printable\r\n\r\n<html><head><meta property=3D"og:type" content=3D"article">'
                    '<script type=3D"application/ld+json">{"@type":"NewsArticle"}</script>', encoding="utf-8")
    assert refused(capsys, tmp_path, path) == (
        f"{path}:1: a web page saved as a single file (MHTML), whose HTML is encoded inside it (expected the page "
        'saved as "Web page, complete": Article.html beside its Article_files/ folder)')
