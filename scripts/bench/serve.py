"""Time `mkdocs serve` from saving a post to its page showing the edit: the contributor's wait.

    python -m scripts.bench.serve PROJECT [--edits 3] [--clean-serve] [--post ID]

PROJECT is a folder with mkdocs.yml and content/ (e.g. the bench's kept `posts-1000/project`). The
script starts `mkdocs serve --dirty` there (plain `mkdocs serve` with --clean-serve), waits for the
first build, then for each edit saves a new title into one post's en.md as editors do (a new file
renamed over the old one) and polls the post's English page over HTTP until the title shows. It
prints each edit's seconds and their median, and how many rebuilds each edit made (one is right).
Under --dirty the next edit waits for the background work (search, feeds, open data) to finish.
The post's en.md is put back as it was at the end."""

from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    """A port nothing listens on now (for a server started next)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, timeout: float = 30) -> str:
    """The page's text, or "" while the server cannot answer."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _until(predicate, seconds: float, what: str, step: float = 0.02) -> None:
    end = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > end:
            raise SystemExit(f"bench serve: timed out waiting for {what}")
        time.sleep(step)


def _settled(log: Path, quiet: float = 2.0, seconds: float = 600) -> str:
    """The log once every build it began has ended and it has not changed for `quiet` seconds (the
    background search indexing of `--dirty` included)."""
    last, since, end = None, time.monotonic(), time.monotonic() + seconds
    while time.monotonic() < end:
        text = log.read_text(encoding="utf-8")
        if text != last:
            last, since = text, time.monotonic()
        elif time.monotonic() - since >= quiet and text.count("Building documentation") == (
                ("Serving on" in text) + text.count("Reloading browsers")
                + text.count("An error happened during the rebuild")):
            return text
        time.sleep(0.1)
    raise SystemExit("bench serve: the log of mkdocs serve did not settle")


def measure(project: Path, edits: int = 3, dirty: bool = True, post: str | None = None) -> list[float]:
    posts = project / "content" / "posts"
    post = post or sorted(os.listdir(posts))[0]
    source = posts / post / "en.md"
    original = source.read_text(encoding="utf-8")
    port = free_port()
    log = project / ".serve-bench.log"
    origin = f"http://127.0.0.1:{port}"
    page = f"{origin}/posts/{post}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with open(log, "w", encoding="utf-8") as out:
        proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}",
                                 *(["--dirty"] if dirty else [])], cwd=project, stdout=out,
                                stderr=subprocess.STDOUT, env=env)
    times = []
    try:
        _until(lambda: "<h1" in get(page), 900, "the first build", step=0.5)
        _settled(log)
        for n in range(1, edits + 1):
            title = f"Edited while serving {n} {time.time_ns()}"
            edited = re.sub(r"(?m)^title: .*$", f"title: {title}", original, count=1)
            saved = project / ".en.md.saved"  # outside content/: only the rename is seen
            saved.write_text(edited, encoding="utf-8")
            start = time.monotonic()
            os.replace(saved, source)
            _until(lambda: title in get(page), 600, f"edit {n} on the page")
            times.append(time.monotonic() - start)
            if dirty:  # search, feeds and open data follow in a background thread: let it finish, as a pause would
                _until(lambda: log.read_text(encoding="utf-8").count("indexed again") >= n, 600,
                       f"the background work after edit {n}", step=0.2)
            text = _settled(log)
            rebuilds = text.count("Building documentation") - 1
            print(f"edit {n}: {times[-1]:.2f} s from save to the new title on the page "
                  f"({rebuilds} rebuilds for {n} edits)", flush=True)
    finally:
        proc.terminate()
        proc.wait(timeout=60)
        source.write_text(original, encoding="utf-8")
    return times


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", type=Path, help="a folder with mkdocs.yml and content/")
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--clean-serve", action="store_true", help="plain `mkdocs serve`, without --dirty")
    parser.add_argument("--post", help="the post to edit (default: the first by folder name)")
    args = parser.parse_args(argv)
    times = measure(args.project.resolve(), args.edits, not args.clean_serve, args.post)
    mode = "mkdocs serve" if args.clean_serve else "mkdocs serve --dirty"
    print(f"{mode}: save to reload, median of {len(times)}: {statistics.median(times):.2f} s "
          f"(each: {', '.join(f'{t:.2f}' for t in times)})")


if __name__ == "__main__":
    main()
