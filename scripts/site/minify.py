"""Finishing the built site: each page's HTML minified as MkDocs writes it (the archive plugin's
on_post_page), with tdewolff's minifier (the one Hugo uses), through its Python binding.

Why this minifier: it keeps attribute quotes, attribute order, end tags and <html>/<head>/<body> when
asked to, so the built HTML still reads as Material wrote it, less its whitespace; the site's own
after-build steps (head.py's not-found pages) and the tests read it that way. minify-html (the other
fast one) sorts attributes and drops their quotes, with no option to keep them; mkdocs-minify-plugin
runs htmlmin, pure Python and several times slower per page.

The minifier is Go code: a process that has called it cannot fork safely (the child hangs at its next
call, without the Go runtime's threads), and `mkdocs build` forks for its last language
(language_builds.py). So it runs in a helper process of its own, one per build process (a forked child
starts its own), which reads pages on its standard input and answers on its standard output.

Every <script> element passes through byte for byte: the minifier would rewrite inline JavaScript
and JSON, and a Content-Security-Policy hash of an inline script, taken before or after this step,
must stay the hash of the script the reader gets."""

from __future__ import annotations

import atexit
import os
import re
import subprocess
import sys

OPTIONS = {
    "html-keep-quotes": True,  # href="..." stays quoted: readers of the built HTML match it
    "html-keep-end-tags": True,
    "html-keep-document-tags": True,
    "html-keep-default-attr-vals": True,  # type="checkbox", type="text": Material's CSS selects on some
    "html-keep-whitespace": False,
}
# The page read as HTML's tokenizer reads it, as far as finding its scripts needs: a comment, an element
# whose text is not markup (title, textarea, style: a "<script>" inside is text), a tag whose quoted
# attribute values are skipped whole (a "<script>" inside a value is text), and a script element, which
# ends at the first </script (HTML's own rule: a script's text cannot contain it). Whatever is not a
# script is given to the minifier as it is.
_TAG_BODY = r"""(?:[^>"']++|"[^"]*+"|'[^']*+')*+>"""  # possessive (Python 3.11): no backtracking
_TOKEN = re.compile(
    r"<(?:!--.*?-->"
    r"|(?P<raw>title|textarea|style)\b" + _TAG_BODY + r".*?</(?P=raw)\s*>"
    r"|(?P<script>script\b" + _TAG_BODY + r".*?</script\s*>)"
    r"|[a-zA-Z]" + _TAG_BODY + ")",
    re.S | re.I)
_BARE_AMP = re.compile(r"&(?!(?:[a-zA-Z][a-zA-Z0-9]*|#[0-9]+|#[xX][0-9a-fA-F]+);)")
_STYLE = re.compile(r"(<style\b.*?</style\s*>)", re.S | re.I)
_KEPT = '<script data-archive-kept="{0}">{0}</script>'  # not empty: an empty one may be written <script/>


class MinifyError(RuntimeError):
    pass


class _Helper:
    """The helper process of this process (started at the first page, again in a forked child)."""

    def __init__(self):
        self.proc = None
        self.pid = None

    def minify(self, html: str) -> str:
        if self.proc is None or self.pid != os.getpid() or self.proc.poll() is not None:
            self.proc = subprocess.Popen([sys.executable, "-m", "scripts.site.minify"], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, cwd=_PACKAGE_ROOT)
            self.pid = os.getpid()
        data = html.encode("utf-8")
        self.proc.stdin.write(len(data).to_bytes(8, "big") + data)
        self.proc.stdin.flush()
        status = self.proc.stdout.read(1)
        size = int.from_bytes(self.proc.stdout.read(8), "big")
        answer = self.proc.stdout.read(size).decode("utf-8")
        if status != b"\0":
            raise MinifyError(f"minify: {answer or 'the helper process stopped'}")
        return answer

    def close(self):
        if self.proc is not None and self.pid == os.getpid():
            self.proc.stdin.close()
            self.proc.wait()
        self.proc = None


_PACKAGE_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
_helper = _Helper()
atexit.register(_helper.close)


def minify_page(html: str) -> str:
    """The page's HTML without the whitespace and markup a browser does not need; scripts unchanged."""
    scripts, parts, at = [], [], 0
    for m in _TOKEN.finditer(html):
        if m.group("script"):
            parts += [html[at:m.start()], _KEPT.format(len(scripts))]
            scripts.append(m.group(0))
            at = m.end()
    out = _helper.minify("".join(parts) + html[at:] if scripts else html)
    # The minifier writes an '&' that starts no reference as it is (valid HTML: "Tom & Jerry"), but
    # Pagefind's reader then takes the text from that '&' to the next ';' for one reference and leaves the
    # next real one undecoded (a title "A & B &lt;c&gt;" showed "&lt;c>" in the results). Written as
    # '&amp;', it reads the same to a browser and to Pagefind. Outside the scripts (still placeholders here)
    # and style elements, whose '&' is not a reference.
    out = "".join(part if part[:6].lower() == "<style" else _BARE_AMP.sub("&amp;", part)
                  for part in _STYLE.split(out))
    for i, script in enumerate(scripts):
        placeholder = _KEPT.format(i)
        if out.count(placeholder) != 1:
            raise MinifyError(f"minify: script {i} of the page was not kept in place")
        out = out.replace(placeholder, script, 1)
    return out


def serve(stdin=None, stdout=None) -> None:
    """The helper: length-prefixed UTF-8 pages in, a status byte and length-prefixed pages out, until EOF."""
    import minify as tdewolff

    stdin, stdout = stdin or sys.stdin.buffer, stdout or sys.stdout.buffer
    tdewolff.config(OPTIONS)
    while True:
        head = stdin.read(8)
        if len(head) < 8:
            return
        page = stdin.read(int.from_bytes(head, "big")).decode("utf-8")
        try:
            status, out = b"\0", tdewolff.string("text/html", page).encode("utf-8")
        except Exception as e:  # tdewolff.MinifyError: an answer, not a dead helper
            status, out = b"\1", str(e).encode("utf-8")
        stdout.write(status + len(out).to_bytes(8, "big") + out)
        stdout.flush()


if __name__ == "__main__":
    serve()
