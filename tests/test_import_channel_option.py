"""`import --channel`: an export names no address; told which public channel it is of, each message is linked
to its original and is the same item as that message on the channel's saved t.me/s page."""

import json
import shutil
from pathlib import Path

import pytest
import yaml

from scripts.cli import main
from scripts.content.model import ContentError
from scripts.sources.write import channel_name

PAGE = Path(__file__).parent / "fixtures" / "sources" / "tme_s" / "channel.html"
EXPORT_HTML = Path(__file__).parent / "fixtures" / "sources" / "tdesktop_html" / "ChatExport_2023-05-10"


def _meta(content: Path) -> dict:
    return {f.parent.name: yaml.safe_load(f.read_text(encoding="utf-8")) for f in content.glob("posts/*/meta.yml")}


def _export(folder: Path, *messages) -> Path:
    folder.mkdir(parents=True)
    path = folder / "result.json"
    path.write_text(json.dumps({"name": "Victory Archive", "type": "public_channel", "id": 1234567890,
                                "messages": [{"id": n, "type": "message", "date": "2023-05-09T10:00:00",
                                              "from": "Victory Archive", "text": text} for n, text in messages]}),
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("given", ["victory_archive", "@Victory_Archive", "t.me/victory_archive",
                                   "https://t.me/s/victory_archive/", "https://telegram.me/victory_archive"])
def test_a_channel_is_named_as_people_write_it(given):
    assert channel_name(given).lower() == "victory_archive"


@pytest.mark.parametrize("given", ["", "ab", "victory archive", "https://example.org/victory_archive",
                                   "javascript:alert(1)", "t.me/victory_archive/101", "1channel"])
def test_what_is_no_public_channel_is_refused_with_what_to_give(given):
    with pytest.raises(ContentError, match=r"^--channel: .* is not a public Telegram channel \(expected its name"):
        channel_name(given)


def test_an_export_message_is_linked_and_is_the_same_item_as_on_the_saved_page(tmp_path, capsys):
    content = tmp_path / "content"
    shutil.copy(PAGE, tmp_path / "channel.html")
    assert main(["--content", str(content), "import", str(tmp_path / "channel.html")]) == 0
    before = _meta(content)
    export = _export(tmp_path / "export", (101, "Other words for this message, as edited later."),
                     (500, "A message the saved page does not hold."))
    capsys.readouterr()
    assert main(["--content", str(content), "import", "--channel", "@Victory_Archive", str(export)]) == 0
    out = capsys.readouterr().out
    assert "(result.json item 101): already imported" in out  # by its item: the words differ
    assert out.rstrip().endswith("1 created, 0 overwritten, 1 skipped, 0 need attention")
    [new] = [meta for name, meta in _meta(content).items() if name not in before]
    assert new["source"]["identity"] == "telegram:victory_archive/500"
    assert new["source"]["url"] == "https://t.me/Victory_Archive/500"


def test_without_the_channel_an_export_has_no_address(tmp_path):
    content = tmp_path / "content"
    export = _export(tmp_path / "export", (7, "A message of an export."))
    assert main(["--content", str(content), "import", str(export)]) == 0
    [meta] = _meta(content).values()
    assert "url" not in meta["source"] and meta["source"]["identity"] == "telegram:1234567890/7"


def test_a_desktop_html_export_gets_each_message_number_in_its_address(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(EXPORT_HTML, tmp_path / "ChatExport")
    assert main(["--content", str(content), "import", "--channel", "victory_archive", str(tmp_path / "ChatExport")]) == 0
    metas = list(_meta(content).values())
    assert metas
    for meta in metas:
        number = meta["source"]["identity"].removeprefix("telegram:victory_archive/")
        assert number.isdigit() and meta["source"]["url"] == f"https://t.me/victory_archive/{number}"


def test_a_bad_channel_stops_the_import_before_anything_is_written(tmp_path, capsys):
    content = tmp_path / "content"
    export = _export(tmp_path / "export", (7, "A message of an export."))
    assert main(["--content", str(content), "import", "--channel", "not a channel!", str(export)]) == 1
    assert "--channel: 'not a channel!' is not a public Telegram channel" in capsys.readouterr().err
    assert not (content / "posts").exists()


def test_the_same_file_twice_in_one_import_is_one_post_per_message(tmp_path, capsys):
    content = tmp_path / "content"
    export = _export(tmp_path / "export", (7, "A message of an export."), (8, "Another message."))
    assert main(["--content", str(content), "import", str(export), str(export)]) == 0
    assert capsys.readouterr().out.rstrip().endswith("2 created, 0 overwritten, 2 skipped, 0 need attention")
    assert sorted(m["source"]["identity"] for m in _meta(content).values()) == [
        "telegram:1234567890/7", "telegram:1234567890/8"]


def test_the_same_message_by_two_formats_in_one_import_is_one_post(tmp_path, capsys):
    content = tmp_path / "content"
    shutil.copy(PAGE, tmp_path / "channel.html")
    export = _export(tmp_path / "export", (101, "Other words for this message, as edited later."))
    assert main(["--content", str(content), "import", "--channel", "victory_archive",
                 str(tmp_path / "channel.html"), str(export)]) == 0
    out = capsys.readouterr().out
    assert "(result.json item 101): already imported" in out
    identities = [m["source"].get("identity") for m in _meta(content).values()]
    assert identities.count("telegram:victory_archive/101") == 1
