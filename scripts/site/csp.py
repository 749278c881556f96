"""The Content-Security-Policy of every page, as a <meta http-equiv> (GitHub Pages sends no headers):
scripts only from the site itself and the theme's own inline scripts, by hash (pure, given the theme's
Jinja environment).

The hashes are computed from the theme's templates (Material's partials/javascripts/*.html rendered for the
page's base URL), never from the built page: a script that reached a page from content, if any escape
failed, has no hash and does not run, and the browser reports it (a securitypolicyviolation event)."""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache

# The inline scripts Material writes into base.html (each partial holds one or two), each with the
# condition under which a page carries it: a hash of a script no page holds is left out of the policy.
# The palette script is written by the header (overrides/partials/header.html) only when a palette is
# configured; the others as Material's base.html decides.
THEME_SCRIPTS = (
    ("partials/javascripts/base.html", lambda theme, extra, features: True),
    ("partials/javascripts/palette.html", lambda theme, extra, features: bool(theme.get("palette"))),
    ("partials/javascripts/content.html", lambda theme, extra, features: True),
    ("partials/javascripts/announce.html", lambda theme, extra, features: "announce.dismiss" in features),
    ("partials/javascripts/outdated.html", lambda theme, extra, features: bool(extra.get("version"))),
)
_INLINE = re.compile(r"<script>(.*?)</script>", re.S)


def script_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def theme_script_texts(env, config, base_url: str) -> list[str]:
    """The text of every inline script the theme can write on a page whose base URL is `base_url`."""
    theme = config.get("theme") or {}
    features = theme.get("features") or []
    extra = config.get("extra") or {}
    out = []
    for name, carried in THEME_SCRIPTS:
        if not carried(theme, extra, features):
            continue
        try:
            template = env.get_template(name)
        except Exception:  # a theme version without this partial: nothing of it to allow
            continue
        out += _INLINE.findall(template.render(config=config, base_url=base_url, features=features))
    return out


def policy(hashes) -> str:
    """The policy text. No 'wasm-unsafe-eval': Pagefind compiles its WebAssembly in the search worker,
    which a <meta> policy does not govern (a worker loaded from a URL has the policy its own response
    sends: none on GitHub Pages). No inline style either: neither Material nor our pages write one."""
    return "; ".join([
        "default-src 'self'",
        " ".join(["script-src 'self'", *sorted(set(hashes))]),
        "style-src 'self'",
        "img-src 'self' data:",  # Material's icons are data: SVG in its stylesheet
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "frame-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def meta_tag(hashes) -> str:
    return f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">'


def add_policy(output: str, tag: str) -> str:
    """The policy as the first element of <head>: it governs only what comes after it."""
    head = output.find("<head>")
    if head < 0:
        return output
    at = head + len("<head>")
    return output[:at] + "\n    " + tag + output[at:]


class PolicyCache:
    """The policy tag for each base URL (a page's depth), rendered once per build."""

    def __init__(self, env, config):
        self.env, self.config = env, config
        self.tag = lru_cache(maxsize=64)(self._tag)
        self.texts = lru_cache(maxsize=64)(lambda base_url: tuple(theme_script_texts(env, config, base_url)))
        self.held_tag = lru_cache(maxsize=64)(lambda held: meta_tag(script_hash(text) for text in held))

    def _tag(self, base_url: str) -> str:
        return meta_tag(script_hash(text) for text in theme_script_texts(self.env, self.config, base_url))

    def tag_for(self, output: str, base_url: str) -> str:
        """The policy of a page: the theme's inline scripts that the page still holds, by hash (one that
        went into a file, page_config.py, is not allowed inline)."""
        texts = self.texts(base_url)
        held = tuple(text for text in texts if f"<script>{text}</script>" in output)
        return self.tag(base_url) if len(held) == len(texts) else self.held_tag(held)
