"""Benchmark the import side on hostile sizes (issue 9): a 10 MB saved page of 66,000 short posts, and one
post with 50,000 hashtags; import, check and generate, each in a fresh process in a temporary folder.
Prints a Markdown table with posts (or hashtags) per second. Figures, not a timed test."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COLUMNS = ("case", "source MB", "posts", "hashtags", "import s", "posts/s", "hashtags/s", "check s", "generate s")


def many_short_posts(path: Path, n: int = 66_000) -> Path:
    """A saved channel page of n short posts, each its own text (about 152 bytes a post: 66,000 make 10 MB)."""
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            f.write(f"Forwarded from Channel {i % 13}\nPost {i}: the {i % 97}th regiment crossed the river at dawn "
                    f"and held the bridge until the relief came up from the south.\n#Day{i % 365}\n")
    return path


def many_hashtags(path: Path, n: int = 50_000) -> Path:
    tags = " ".join(f"#tag{i}" for i in range(n))
    path.write_text(f"Forwarded from Channel\nOne post with {n} hashtags.\n{tags}\n", encoding="utf-8")
    return path


def timed(args: list[str], cwd: Path) -> tuple[float, str]:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "scripts", *args], cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(args)}: exit {proc.returncode}: {proc.stderr[-2000:]}")
    return seconds, proc.stdout


def measure(name: str, source: Path, work: Path, generate: bool) -> dict:
    content = work / "content"
    seconds, out = timed(["--content", str(content), "import", str(source)], ROOT)
    posts = int(m.group(1)) if (m := re.search(r"^(\d+) created", out, re.M)) else 0
    hashtags = sum(len(re.findall(r"^- ", p.read_text(encoding="utf-8"), re.M))
                   for p in (content / "posts").glob("*/meta.yml")) if posts < 100 else None
    check_s, _ = timed(["--content", str(content), "check"], ROOT)
    generate_s = timed(["--content", str(content), "generate", "--docs", str(work / "docs")], ROOT)[0] if generate else None
    return {"case": name, "source MB": source.stat().st_size / 1e6, "posts": posts, "hashtags": hashtags,
            "import s": seconds, "posts/s": posts / seconds, "hashtags/s": hashtags / seconds if hashtags else None,
            "check s": check_s, "generate s": generate_s}


def _cell(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, str):
        return value
    return f"{value:,}" if isinstance(value, int) else f"{value:,.1f}"


def render_table(rows: list[dict]) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "| :--- | " + " | ".join("---:" for _ in COLUMNS[1:]) + " |"]
    lines += ["| " + " | ".join(_cell(r[c]) for c in COLUMNS) + " |" for r in rows]
    lines += ["", "Each command in a fresh process (seconds include interpreter start); 'import s' reads, parses, "
              "checks and writes every post folder (staged, then renamed)."]
    return "\n".join(lines)


def add_arguments(parser):
    parser.add_argument("--posts", type=int, default=66_000, help="short posts in the saved page (default: 66,000)")
    parser.add_argument("--hashtags", type=int, default=50_000, help="hashtags in the one post (default: 50,000)")
    parser.add_argument("--generate-page", action="store_true",
                        help="also generate the site of the many-posts page (minutes at 66,000 posts)")


def run(args) -> int:
    work = Path(tempfile.mkdtemp(prefix="hostile-bench-"))
    try:
        rows = []
        page = many_short_posts(work / "page.txt", args.posts)
        rows.append(measure(f"{args.posts:,} short posts in one page", page, work / "page", args.generate_page))
        print(f"bench: {rows[-1]}", file=sys.stderr, flush=True)
        tags = many_hashtags(work / "tags.txt", args.hashtags)
        rows.append(measure(f"one post with {args.hashtags:,} hashtags", tags, work / "tags", True))
        print(render_table(rows))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0
