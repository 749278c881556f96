"""The same site built by MkDocs and by ProperDocs (MkDocs 1.6's maintained fork), compared file by file:
only the generator meta tag may differ. On the seeds, and on a synthetic archive of N posts (from 300 the
last language is built in a second process, scripts/site/language_builds.py).

    python -m scripts.bench.engines                # the seeds (the two-process build forced)
    python -m scripts.bench.engines --posts 300    # a synthetic archive

Each build runs in a fresh process in its own copy of the project, with SOURCE_DATE_EPOCH pinned (the
sitemap and the feeds carry the build date). Exit status 1 when the outputs differ or a build fails."""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import archive

ROOT = archive.ROOT
ENGINES = {"mkdocs": "mkdocs", "properdocs": "properdocs"}  # engine -> the module `python -m` runs
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
EPOCH = "1714000000"


def normalized(data: bytes, name: str) -> bytes:
    """A built file with its generator meta tag blanked (the one thing the engines write differently)."""
    return GENERATOR.sub(b'<meta name="generator" content="">', data) if name.endswith(".html") else data


def compare(a: Path, b: Path) -> list[str]:
    """What differs between two built sites, besides the generator tag: one line per file."""
    files_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    problems = [f"only in {a.name}: {f}" for f in sorted(files_a - files_b)]
    problems += [f"only in {b.name}: {f}" for f in sorted(files_b - files_a)]
    for f in sorted(files_a & files_b):
        if normalized((a / f).read_bytes(), f) != normalized((b / f).read_bytes(), f):
            problems.append(f"differs: {f}")
    return problems


def generator_tags(site: Path) -> set[bytes]:
    return {m.group(0) for p in site.rglob("*.html") for m in GENERATOR.finditer(p.read_bytes())}


def make_project(work: Path, posts: int) -> Path:
    """A copy of the project with the seeds (posts=0) or a synthetic archive of `posts` posts, imported."""
    if posts:
        snapshot = archive.write_snapshot(work / "snapshot")
        project, raw = archive.write_project(work / "archive", posts, snapshot)
        archive.run_stage([sys.executable, "-m", "scripts", "--content", "content", "import", *map(str, raw)],
                          project)
        return project
    project = work / "seeds"
    project.mkdir()
    for name in ("mkdocs.yml", "content", "scripts", "overrides"):
        src = ROOT / name
        (shutil.copytree(src, project / name, ignore=shutil.ignore_patterns("__pycache__")) if src.is_dir()
         else shutil.copy(src, project / name))
    (project / "docs").mkdir()
    return project


def build(project: Path, engine: str, site: Path, parallel: str) -> tuple[float, str]:
    """`<engine> build --strict` of the project into `site`, in its own copy of the project (docs/ is written
    by the build). Returns (seconds, messages)."""
    copy = site.parent / f"project-{engine}"
    shutil.copytree(project, copy)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=EPOCH, ARCHIVE_PARALLEL_LANGUAGES=parallel)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", ENGINES[engine], "build", "--strict", "-f", "mkdocs.yml",
                           "-d", str(site)], cwd=copy, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"{engine} build failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return seconds, proc.stderr


def run_comparison(posts: int, work: Path, log=print) -> list[str]:
    project = make_project(work, posts)
    parallel = "always" if posts == 0 else "auto"
    sites = {}
    for engine in ENGINES:
        sites[engine] = work / f"site-{engine}"
        seconds, messages = build(project, engine, sites[engine], parallel)
        forked = "in a second process" in messages
        log(f"{engine}: built {posts or 'the seed'} posts in {seconds:.1f} s"
            f"{' (last language in a second process)' if forked else ''}")
        if posts >= 300 or parallel == "always":
            if not forked:
                return [f"{engine}: the two-process language build did not run:\n{messages[-2000:]}"]
    problems = compare(sites["mkdocs"], sites["properdocs"])
    tags = {engine: generator_tags(site) for engine, site in sites.items()}
    log("generator tags: " + "; ".join(f"{e}: {b', '.join(sorted(t)).decode()}" for e, t in tags.items()))
    return problems


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.bench.engines", description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, nargs="+", default=[0], metavar="N",
                        help="0 for the seeds (default), or the size of a synthetic archive")
    args = parser.parse_args(argv)
    failed = False
    for posts in args.posts:
        work = Path(tempfile.mkdtemp(prefix="archive-engines-"))
        try:
            problems = run_comparison(posts, work)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        what = f"{posts} synthetic posts" if posts else "the seeds"
        if problems:
            failed = True
            print(f"{what}: MkDocs and ProperDocs differ in {len(problems)} files:\n  " + "\n  ".join(problems[:50]))
        else:
            print(f"{what}: MkDocs and ProperDocs built the same site (apart from the generator tag)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
