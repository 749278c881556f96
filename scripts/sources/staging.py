"""Post folders written complete or not at all: each is staged in content/posts/.staging-<id>/, then
renamed into place; an import killed midway leaves only dot-folders, which the next one clears.

A folder being replaced (--force, or the repair of an incomplete one) is staged as a copy (hard links)
of the old one; the swap renames the old folder to .old-<id>, the new one into place, then removes
the old. Killed between the two renames, the next run puts .old-<id> back: the post is as it was."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from ..files import TMP_PREFIX

STAGING = ".staging-"
OLD = ".old-"


def begin(final: Path, keep_from: Path | None = None) -> Path:
    """A fresh staging folder for `final`, holding the files of `keep_from` (hard links) if given."""
    stage = final.parent / f"{STAGING}{final.name}"
    if stage.exists():
        shutil.rmtree(stage)
    stage.parent.mkdir(parents=True, exist_ok=True)
    stage.mkdir()
    if keep_from is not None:
        for entry in os.scandir(keep_from):
            if entry.is_file(follow_symlinks=False) and not entry.name.startswith(TMP_PREFIX):
                try:
                    os.link(entry.path, stage / entry.name)
                except OSError:  # a file system without hard links
                    shutil.copy2(entry.path, stage / entry.name)
    return stage


def commit(stage: Path, final: Path) -> None:
    """Put a complete staged folder in the place of `final` (which may exist)."""
    if not final.exists():
        os.rename(stage, final)
        return
    old = final.parent / f"{OLD}{final.name}"
    if old.exists():
        shutil.rmtree(old)
    os.rename(final, old)
    os.rename(stage, final)
    shutil.rmtree(old)


def abandon(stage: Path) -> None:
    shutil.rmtree(stage, ignore_errors=True)


def repair(root: Path) -> list[str]:
    """Clear what an interrupted import left in content/ (staging folders, temporary files, a folder
    half swapped); what was done, as report lines."""
    done = []
    posts = root / "posts"
    for path in sorted(posts.iterdir()) if posts.is_dir() else []:
        shown = f"{root.name}/posts/{path.name}"
        if path.name.startswith(OLD) and path.is_dir():
            final = posts / path.name[len(OLD):]
            if final.exists():
                shutil.rmtree(path)
                done.append(f"removed {shown} (the old copy of {final.name}, left by an interrupted import)")
            else:
                os.rename(path, final)
                done.append(f"restored {root.name}/posts/{final.name} from {path.name} (an import was "
                            "interrupted while replacing it)")
        elif path.name.startswith(STAGING) and path.is_dir():
            shutil.rmtree(path)
            done.append(f"removed {shown} (a post an interrupted import had not finished)")
    folders = [root / "sources"] + ([p for p in posts.iterdir() if p.is_dir()] if posts.is_dir() else [])
    for folder in folders:
        for entry in sorted(os.scandir(folder), key=lambda e: e.name) if folder.is_dir() else []:
            if entry.name.startswith(TMP_PREFIX) and entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
                done.append(f"removed {root.name}/{Path(entry.path).relative_to(root).as_posix()} "
                            "(a temporary file left by an interrupted import)")
    return done
