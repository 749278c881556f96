"""Finishing the built site: its size against GitHub Pages' limit (a published site of at most 1 GB),
checked after the build so that an archive that has outgrown the host says so before a deploy fails."""

from __future__ import annotations

import logging
import os
from pathlib import Path

MB = 1e6  # GitHub's "1 GB" is counted here as 10^9 bytes, the stricter reading of the two


def site_bytes(site_dir: Path) -> int:
    """Bytes of every file under site_dir (their lengths, not the disk blocks they take)."""
    total = 0
    stack = [str(site_dir)]
    while stack:
        with os.scandir(stack.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                elif entry.is_file(follow_symlinks=False):
                    total += entry.stat(follow_symlinks=False).st_size
    return total


def size_message(size: int, warning_mb: float, limit_mb: float) -> tuple[int, str] | None:
    """(log level, message) for a site of `size` bytes, or None while it is under warning_mb."""
    mb = size / MB
    if mb <= warning_mb:
        return None
    what_to_do = ("Split the archive into project sites (one repository and Pages site per part, e.g. per year, "
                  "linked from the home page) or publish site/ on a host without that limit (your own web "
                  "server or an object store behind a CDN); README, 'Size'.")
    if mb > limit_mb:
        return logging.WARNING, (f"archive: the built site is {mb:,.0f} MB, over the {limit_mb:,.0f} MB that "
                                 f"GitHub Pages publishes: the deploy would fail. {what_to_do}")
    return logging.INFO, (f"archive: warning: the built site is {mb:,.0f} MB, past {warning_mb:,.0f} MB of the "
                          f"{limit_mb:,.0f} MB that GitHub Pages publishes. {what_to_do}")


def check_site_size(site_dir: Path, warning_mb: float, limit_mb: float, log: logging.Logger) -> int:
    """Log the size_message of the built site (a WARNING past limit_mb, which fails `--strict`); its bytes."""
    size = site_bytes(site_dir)
    message = size_message(size, warning_mb, limit_mb)
    if message:
        log.log(*message)
    return size
