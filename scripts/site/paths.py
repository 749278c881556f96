"""Where generated pages live and how they link to each other (pure)."""

from __future__ import annotations

from functools import lru_cache

from ..content.model import DEFAULT_LANG


def post_path(post_id: str) -> str:
    return f"posts/{post_id}.md"


def tag_path(slug: str, page: int = 1) -> str:
    return f"tags/{slug}.md" if page == 1 else f"tags/{slug}/{page}.md"


def tags_index_path(page: int = 1) -> str:
    return "tags/index.md" if page == 1 else f"tags/page/{page}.md"


# Names in tags/ that the site's own pages take (tags_index_path): a tag with one of these slugs would
# take the tags index's address (#index) or collide with its later pages (#page).
RESERVED_TAG_SLUGS = frozenset({"index", "page"})


def safe_tag_slug(slug: str) -> str:
    """A derived tag slug that no generated page holds: 'index' becomes 'index-tag'."""
    return f"{slug}-tag" if slug in RESERVED_TAG_SLUGS else slug


def archive_path(page: int = 1) -> str:
    return "archive/index.md" if page == 1 else f"archive/{page}.md"


def url_of(lang: str, path: str) -> str:
    """The site URL (relative to the site root) of a generated page in a language."""
    if path == "index.md" or path.endswith("/index.md"):
        url = path[:-8]
    elif path.endswith(".md"):
        url = path[:-3] + "/"
    else:
        url = path
    return url if lang == DEFAULT_LANG else f"{lang}/{url}"


def link(from_path: str, to_path: str) -> str:
    """A relative link between two pages of one language, to the .md file (MkDocs checks it)."""
    return _relative(from_path.rpartition("/")[0], to_path)


@lru_cache(maxsize=65536)
def _relative(from_dir: str, to_path: str) -> str:
    # posixpath.relpath, for the clean relative paths of generated pages, without its abspath calls
    # (it was a quarter of the generator's time at 1,000 posts).
    here = from_dir.split("/") if from_dir else []
    there = to_path.split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    return "../" * (len(here) - common) + "/".join(there[common:])


def cross_link(from_lang: str, from_path: str, to_lang: str, to_path: str) -> str:
    """A relative link from a page to a page of another language (a directory URL)."""
    here = url_of(from_lang, from_path).rstrip("/")
    there = url_of(to_lang, to_path).rstrip("/")
    rel = _relative(here, there + "/_")[:-1] if there else "../" * (here.count("/") + 1 if here else 0)
    return rel or "./"
