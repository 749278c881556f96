"""Post folders written complete or not at all (scripts/sources/staging.py), rule by rule: each test builds
its own small content folder, and states the folders left and the report lines a contributor would see,
written out by hand (issue 10, item 5: tests that notice a changed line)."""

import os
from pathlib import Path

from scripts.sources.staging import abandon, begin, commit, repair


def tree(folder: Path) -> dict:
    """Every file under `folder` by its relative path, with its text."""
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(folder.rglob("*")) if p.is_file()}


def put(path: Path, text: str = "x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# begin

def test_a_new_folder_is_staged_empty_beside_where_it_goes(tmp_path):
    final = tmp_path / "content" / "posts" / "victory-day"
    stage = begin(final)
    assert stage == tmp_path / "content" / "posts" / ".staging-victory-day"
    assert stage.is_dir() and list(stage.iterdir()) == []
    assert not final.exists()


def test_a_stage_left_before_is_cleared(tmp_path):
    final = tmp_path / "posts" / "p"
    put(tmp_path / "posts" / ".staging-p" / "half.md")
    stage = begin(final)
    assert list(stage.iterdir()) == []


def test_a_replaced_folder_is_staged_with_its_files_linked_but_not_its_temporary_files_or_folders(tmp_path):
    old = tmp_path / "posts" / "p"
    put(old / "ru.md", "перевод")
    put(old / "1.jpg", "photo")
    put(old / ".tmp-abc", "half-written")
    put(old / "sub" / "x.md", "in a folder")
    os.symlink(old / "ru.md", old / "link.md")
    stage = begin(old, keep_from=old)
    assert tree(stage) == {"1.jpg": "photo", "ru.md": "перевод"}
    assert os.path.samefile(stage / "ru.md", old / "ru.md")  # a hard link, not a copy


def test_a_file_system_without_hard_links_gets_copies(tmp_path, monkeypatch):
    old = tmp_path / "posts" / "p"
    put(old / "ru.md", "перевод")

    def no_links(src, dst):
        raise OSError(1, "Operation not permitted")
    monkeypatch.setattr(os, "link", no_links)
    stage = begin(old, keep_from=old)
    assert tree(stage) == {"ru.md": "перевод"}
    assert not os.path.samefile(stage / "ru.md", old / "ru.md")


# commit, abandon

def test_a_new_folder_is_renamed_into_place(tmp_path):
    final = tmp_path / "posts" / "p"
    stage = begin(final)
    put(stage / "en.md", "new")
    commit(stage, final)
    assert tree(tmp_path / "posts") == {"p/en.md": "new"}


def test_an_old_folder_is_swapped_out_and_removed(tmp_path):
    final = tmp_path / "posts" / "p"
    put(final / "en.md", "old")
    put(final / "ru.md", "kept")
    put(tmp_path / "posts" / ".old-p" / "stale.md", "left by a killed import")
    stage = begin(final, final)
    (stage / "en.md").unlink()
    put(stage / "en.md", "new")
    commit(stage, final)
    assert tree(tmp_path / "posts") == {"p/en.md": "new", "p/ru.md": "kept"}
    assert sorted(p.name for p in (tmp_path / "posts").iterdir()) == ["p"]


def test_an_abandoned_stage_is_gone_and_a_missing_one_is_no_error(tmp_path):
    stage = begin(tmp_path / "posts" / "p")
    put(stage / "en.md")
    abandon(stage)
    assert not stage.exists()
    abandon(stage)
    assert sorted(p.name for p in (tmp_path / "posts").iterdir()) == []


# repair

def test_a_content_folder_with_nothing_left_over_needs_no_repair(tmp_path):
    assert repair(tmp_path / "content") == []
    put(tmp_path / "content" / "posts" / "p" / "en.md")
    put(tmp_path / "content" / "sources" / "a.txt")
    assert repair(tmp_path / "content") == []
    assert tree(tmp_path / "content") == {"posts/p/en.md": "x", "sources/a.txt": "x"}


def test_what_an_interrupted_import_left_is_cleared_and_said(tmp_path):
    root = tmp_path / "content"
    put(root / "posts" / ".staging-b" / "en.md", "unfinished")
    put(root / "posts" / ".old-a" / "en.md", "old a")
    put(root / "posts" / "a" / "en.md", "new a")
    put(root / "posts" / ".old-c" / "en.md", "c, half swapped")
    put(root / "posts" / "a" / ".tmp-1", "half")
    put(root / "sources" / ".tmp-z", "half")
    put(root / "sources" / ".tmp-y", "half")
    put(root / "posts" / ".tmp-file", "a file, not a folder")
    put(root / "posts" / ".staging-file", "a file, not a folder")
    put(root / "posts" / ".old-file", "a file, not a folder")
    (root / "sources" / ".tmp-dir").mkdir()
    assert repair(root) == [
        "removed content/posts/.old-a (the old copy of a, left by an interrupted import)",
        "restored content/posts/c from .old-c (an import was interrupted while replacing it)",
        "removed content/posts/.staging-b (a post an interrupted import had not finished)",
        "removed content/sources/.tmp-y (a temporary file left by an interrupted import)",
        "removed content/sources/.tmp-z (a temporary file left by an interrupted import)",
        "removed content/posts/a/.tmp-1 (a temporary file left by an interrupted import)"]
    assert tree(root) == {"posts/.old-file": "a file, not a folder", "posts/.staging-file": "a file, not a folder",
                          "posts/.tmp-file": "a file, not a folder", "posts/a/en.md": "new a",
                          "posts/c/en.md": "c, half swapped"}
    assert (root / "sources" / ".tmp-dir").is_dir()


def test_a_temporary_link_is_not_followed_or_removed(tmp_path):
    root = tmp_path / "content"
    target = put(tmp_path / "elsewhere.txt", "keep me")
    (root / "sources").mkdir(parents=True)
    os.symlink(target, root / "sources" / ".tmp-link")
    assert repair(root) == []
    assert target.read_text(encoding="utf-8") == "keep me"


def test_repair_names_the_content_folder_as_it_is_called(tmp_path):
    root = tmp_path / "archive"
    put(root / "posts" / ".staging-p" / "en.md")
    assert repair(root) == ["removed archive/posts/.staging-p (a post an interrupted import had not finished)"]
