"""The engine seam: the two-process language build runs only on the MkDocs and mkdocs-static-i18n versions it
was written against, and says in one log line why it does not on any other."""

import logging

import pytest

from scripts import parallel
from scripts.site import language_builds

WRITTEN_FOR = {"mkdocs": "1.6.1", "mkdocs-static-i18n": "1.3.1"}

needs_fork = pytest.mark.skipif(not parallel.can_fork(), reason="the two-process build needs fork (Linux)")


@needs_fork
def test_the_versions_it_was_written_for_fork(caplog):
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.archive"):
        assert language_builds.wanted("build", 5, "always", installed=dict(WRITTEN_FOR)) is True
    assert caplog.records == []


@needs_fork
@pytest.mark.parametrize("other", [{"mkdocs": "1.6.2"}, {"mkdocs-static-i18n": "1.4.0"}, {"mkdocs": None}])
def test_any_other_version_builds_in_one_process_and_says_so(caplog, other):
    installed = {**WRITTEN_FOR, **other}
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.archive"):
        assert language_builds.wanted("build", 5000, "always", installed=installed) is False
    [record] = caplog.records
    assert record.getMessage().startswith("archive: languages built in one process: the two-process build was "
                                          "written for mkdocs 1.6.1, mkdocs-static-i18n 1.3.1 (installed: ")


def test_serve_and_never_do_not_fork():
    assert language_builds.wanted("serve", 5000, "always", installed=dict(WRITTEN_FOR)) is False
    assert language_builds.wanted("build", 5000, "never", installed=dict(WRITTEN_FOR)) is False


def test_the_installed_versions_are_the_pinned_ones():
    # requirements.txt pins these; a new pin must come with a look at language_builds.py.
    assert language_builds.versions_supported() is True
