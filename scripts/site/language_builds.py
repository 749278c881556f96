"""Building the languages of a large site in two processes, with mkdocs-static-i18n's own output.

mkdocs-static-i18n builds the default language, then each other language in turn, in one process.
On a large archive `mkdocs build` forks once when the second language's build begins: the child
builds the last language (tr) while the parent builds the second (ru); when the parent's turn for
the last language comes, it waits for the child, takes the search entries and the sitemap's pages the
child collected, in the place the plugin would have put them, and writes the plugin's sitemap again
with every language. Every language build runs the plugin's own code, so the site is the same as a
one-process build (tests/test_determinism.py compares them byte for byte).

Only `mkdocs build` does this: `mkdocs serve` runs a web server in other threads, and forking a
threaded process is not safe."""

from __future__ import annotations

import logging
import os
import pickle
import sys
import tempfile
import traceback
from types import SimpleNamespace

from .. import parallel

log = logging.getLogger("mkdocs.plugins.archive")

PARALLEL_FROM = 300  # posts; a smaller site builds in seconds, and a fork copies the whole build's memory
# The versions this was written against: it replaces mkdocs-static-i18n's module-level `build` and calls
# MkDocs' `_build_theme_template`, neither of them public. Any other version builds in one process.
WRITTEN_FOR = {"mkdocs": "1.6.1", "mkdocs-static-i18n": "1.3.1"}
# ProperDocs, MkDocs 1.6's maintained fork, keeps both: under `properdocs build` (`import mkdocs` is
# ProperDocs then) its own version is the engine's.
ENGINES = {"mkdocs": "1.6.1", "properdocs": "1.6.7"}


def engine() -> str:
    """The engine running this build: 'properdocs' when ProperDocs has aliased `mkdocs` to itself."""
    import mkdocs

    return "properdocs" if mkdocs.__name__ == "properdocs" else "mkdocs"


def versions_supported(installed=None) -> bool:
    """Whether the installed MkDocs (or ProperDocs, when it runs the build) and mkdocs-static-i18n are the
    versions this module was written for; logs once why not."""
    if installed is None:
        from importlib.metadata import PackageNotFoundError, version

        installed = {}
        running = engine()
        for name in WRITTEN_FOR:
            package = running if name == "mkdocs" else name
            try:
                installed[name] = version(package)
            except PackageNotFoundError:
                installed[name] = None
        if running != "mkdocs" and installed["mkdocs"] == ENGINES[running]:
            installed["mkdocs"] = WRITTEN_FOR["mkdocs"]  # the fork of that version
    other = {name: v for name, v in installed.items() if WRITTEN_FOR.get(name) != v}
    if other:
        log.info("archive: languages built in one process: the two-process build was written for "
                 + ", ".join(f"{name} {WRITTEN_FOR[name]}" for name in WRITTEN_FOR)
                 + " (installed: " + ", ".join(f"{name} {v}" for name, v in installed.items()) + ")")
    return not other


def wanted(command: str | None, posts: int, setting: str = "auto", installed=None) -> bool:
    """Whether this build forks for its last language: `mkdocs build` only, on Linux, on the versions
    this was written for; `setting` is the plugin's parallel_languages option (auto, always, never)."""
    if command != "build" or setting == "never" or not parallel.can_fork():
        return False
    if setting != "always" and not (posts >= PARALLEL_FROM and (os.cpu_count() or 1) > 1):
        return False
    return versions_supported(installed)


class Fork:
    """Replaces the i18n plugin's `build` for one site build (install, then uninstall at the end)."""

    def __init__(self, i18n):
        import mkdocs_static_i18n.plugin as i18n_module

        self.module = i18n_module
        self.i18n = i18n
        self.real_build = i18n_module.build
        self.delegated = i18n.build_languages[-1]
        self.pid = None
        self.result = None
        self.nav = None  # the latest language build's navigation and (env, files, nav, config), which
        self.last_build = None  # the hook records for writing the sitemap again

    def install(self) -> None:
        self.module.build = self.build

    def uninstall(self) -> None:
        self.module.build = self.real_build
        if self.pid is not None:  # a build that stopped early: do not leave the child behind
            try:
                os.kill(self.pid, 9)
                os.waitpid(self.pid, 0)
            except OSError:
                pass
            self.pid = None

    def build(self, config, dirty: bool = False, **kwargs):
        lang = self.i18n.current_language
        if lang == self.delegated and self.pid is not None:
            return self._collect()
        if self.pid is None and lang != self.delegated and self.result is None:
            if _memory_to_spare():
                self._start(config, dirty, kwargs)
            else:
                self.result = ""  # one process after all
                log.info("archive: too little free memory for a second build process; building in one")
        return self.real_build(config, dirty=dirty, **kwargs)

    def _start(self, config, dirty: bool, kwargs) -> None:
        fd, self.result = tempfile.mkstemp(prefix="archive-lang-", suffix=".pickle")
        os.close(fd)
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child: build the delegated language, hand back its search entries
            code = 1
            try:
                self.i18n.current_language = self.delegated
                start = len(self.i18n.search_entries)
                self.real_build(config, dirty=dirty, **kwargs)
                pages = [_plain(f) for f in self.i18n.i18n_files_per_language.get(self.delegated, [])]
                with open(self.result, "wb") as f:
                    pickle.dump((self.i18n.search_entries[start:], pages), f)
                code = 0
            except BaseException:
                traceback.print_exc()
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        self.pid = pid
        log.info(f"archive: building '{self.delegated}' in a second process")

    def _collect(self) -> None:
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        try:
            if os.waitstatus_to_exitcode(status) != 0:
                from mkdocs.exceptions import PluginError

                raise PluginError(f"the '{self.delegated}' build failed (see its messages above)")
            with open(self.result, "rb") as f:
                entries, pages = pickle.load(f)
        finally:
            os.unlink(self.result)
        self.i18n.search_entries.extend(entries)
        # The plugin's sitemap lists the pages of every language built so far, so the last language's
        # build writes the complete one: write it again here with the child's pages added.
        self.i18n.i18n_files_per_language[self.delegated] = pages
        from mkdocs.commands.build import _build_theme_template

        env, files, nav, config = self.last_build
        _build_theme_template("sitemap.xml", env, files, config, nav)


def _memory_to_spare() -> bool:
    """Whether the free memory holds a second process as large as this one has grown (the child
    shares this process's pages until it changes them, then builds a language of its own)."""
    try:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kilobytes on Linux
        free = os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ImportError, ValueError, OSError):
        return False
    return free > 1.5 * peak


def _plain(file):
    """What the sitemap template reads of a page's File, as plain data that can be sent back."""
    def page_of(f):
        page = getattr(f, "page", None)
        if page is None:
            return None
        return SimpleNamespace(is_link=page.is_link, canonical_url=page.canonical_url, abs_url=page.abs_url,
                               update_date=page.update_date)

    alternates = {locale: SimpleNamespace(url=alt.url, page=page_of(alt) or SimpleNamespace(canonical_url=None, abs_url=None))
                  for locale, alt in getattr(file, "alternates", {}).items()}
    return SimpleNamespace(url=file.url, page=page_of(file), alternates=alternates)
