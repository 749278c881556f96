"""The bench-search server serves like GitHub Pages for the measurement: gzip for text, a sub-path, and
every response's bytes on the wire logged. Nothing here asserts a timing."""

import gzip
import time
import urllib.error
import urllib.request

import pytest

from scripts.bench import search as bench_search


@pytest.fixture
def served(tmp_path):
    (tmp_path / "index.html").write_text("<p>" + "Эльба " * 200 + "</p>", encoding="utf-8")
    (tmp_path / "pagefind").mkdir()
    (tmp_path / "pagefind" / "x.pf_fragment").write_bytes(gzip.compress(b"already compressed"))
    server = bench_search.serve(tmp_path, "/repo/")
    yield server
    server.stop()


def get(url: str):
    return urllib.request.urlopen(urllib.request.Request(url, headers={"Accept-Encoding": "gzip"}))


def test_text_is_gzipped_under_the_sub_path_and_logged(served):
    with get(served.url) as r:
        assert served.url.endswith("/repo/")
        assert r.headers["Content-Encoding"] == "gzip"
        body = r.read()
    assert gzip.decompress(body).decode("utf-8").count("Эльба") == 200
    # The server's thread logs the request after the client has the response: wait for the entry.
    deadline = time.monotonic() + 10
    while not served.log and time.monotonic() < deadline:
        time.sleep(0.01)
    path, n = served.log[-1][1:]
    assert path == "/repo/" and n > len(body)  # headers and body


def test_compressed_files_are_sent_as_they_are_and_nothing_outside_the_sub_path(served):
    with get(served.url + "pagefind/x.pf_fragment") as r:
        assert r.headers.get("Content-Encoding") is None
        assert gzip.decompress(r.read()) == b"already compressed"
    with pytest.raises(urllib.error.HTTPError):
        get(served.url.replace("/repo/", "/"))
    assert bench_search.is_search_path("/repo/ru/pagefind/x") and not bench_search.is_search_path("/repo/ru/")
