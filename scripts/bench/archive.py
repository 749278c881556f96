"""Benchmark the pipeline on a synthetic archive: import, generate and the MkDocs build, each stage timed
in a fresh process in a temporary copy of the project (outside the working tree).
Prints Markdown tables: medians of --runs runs, peak memory of each stage's own process, output sizes."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..content.model import LANGS
from .weight import Weights, categories, max_posts, site_weights

ROOT = Path(__file__).resolve().parents[2]
SEED = 1945
POSTS_PER_FILE = 1000  # a saved channel page holds this many posts; more go to the next file
GALLERY_EVERY = 25  # one post in 25 is a photo-gallery article (its own raw file)
WORDS_PER_POST = 300
MB = 1e6

# --- synthetic text (pure) ------------------------------------------------------------------------

# Per language: function words (frequent, short), content words, proper names. Real words with the
# language's letters and word lengths; the sentences they make are word salad, not prose.
WORDS = {
    "en": (
        "the the the of of and and to in in a was were on for with by that as at from his their its is "
        "this which after before during into against all more than not but also had have been who",
        "soldiers army front troops war victory memory battle city people liberation heroes veterans "
        "commander division regiment offensive defence siege river bridge village monument ceremony "
        "anniversary courage sacrifice generation allies nation history marched fought liberated crossed "
        "defended remembered honoured gathered surrendered advanced captured met signed returned lost "
        "survived awarded commemorated Soviet German American British heroic glorious solemn bitter fierce "
        "final historic eternal common brave young thousands millions days years winter spring morning "
        "parade square flag wreath flowers letters photographs diaries archives documents order medal "
        "partisans sailors pilots tank artillery infantry cavalry nurses children mothers families homes "
        "streets ruins bread hunger blockade road ice fire peace freedom truth names graves soil grandfathers",
        "Moscow Leningrad Stalingrad Berlin Kursk Sevastopol Minsk Warsaw Prague Vienna Budapest Königsberg "
        "Zhukov Konev Rokossovsky Vasilevsky Elbe Dnieper Volga Oder Reichstag",
    ),
    "ru": (
        "и и и в в в на на с не что по к за из о от до для как это был была были его их все только "
        "после во время под над уже ещё когда где",
        "солдаты армия фронт войска война победа память битва город народ освобождение герои ветераны "
        "командир дивизия полк наступление оборона блокада река мост деревня памятник церемония годовщина "
        "мужество подвиг поколение союзники страна история шли сражались освободили переправились защищали "
        "помним чтим собрались наступали встретились подписали вернулись погибли выжили наградили советские "
        "немецкие американские героический великий торжественный горький ожесточённые последний исторический "
        "вечный общий храбрый молодые тысячи миллионы дни годы зима весна утро парад площадь знамя венок "
        "цветы письма фотографии дневники архивы документы приказ медаль партизаны моряки лётчики танкисты "
        "артиллерия пехота кавалерия медсёстры дети матери семьи дома улицы руины хлеб голод дорога лёд "
        "огонь мир свобода правда имена могилы земля деды",
        "Москва Ленинград Сталинград Берлин Курск Севастополь Минск Варшава Прага Вена Будапешт Кёнигсберг "
        "Жуков Конев Рокоссовский Василевский Эльба Днепр Волга Одер Рейхстаг",
    ),
    "tr": (
        "ve ve ve bir bir bu bu için ile da de olan olarak gibi çok daha her en sonra önce kadar ama hem şu o",
        "askerler ordu cephe birlikler savaş zafer hafıza muharebe şehir halk kurtuluş kahramanlar gaziler "
        "komutan tümen alay taarruz savunma kuşatma nehir köprü köy anıt tören yıldönümü cesaret fedakârlık "
        "nesil müttefikler ülke tarih yürüdüler savaştılar kurtardılar geçtiler savundular anıyoruz saygıyla "
        "toplandılar ilerlediler karşılaştılar imzaladılar döndüler şehit hayatta ödüllendirildi Sovyet Alman "
        "Amerikan İngiliz kahraman büyük görkemli acı şiddetli son tarihi ebedi ortak cesur genç binlerce "
        "milyonlarca günler yıllar kış bahar sabah geçit meydan bayrak çelenk çiçekler mektuplar fotoğraflar "
        "günlükler arşivler belgeler emir madalya partizanlar denizciler pilotlar tank topçu piyade süvari "
        "hemşireler çocuklar anneler aileler evler sokaklar yıkıntılar ekmek açlık yol buz ateş barış "
        "özgürlük gerçek isimler mezarlar toprak dedelerimiz günü yılı askerleri ordusu",
        "Moskova Leningrad Stalingrad Berlin Kursk Sivastopol Minsk Varşova Prag Viyana Budapeşte Königsberg "
        "Jukov Konev Rokossovski Elbe Dinyeper Volga Oder Reichstag",
    ),
}
WORDS = {lang: tuple(part.split() for part in parts) for lang, parts in WORDS.items()}
MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split(),
    "tr": "Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık".split(),
}
EMOJI = ["⭐️", "📻", "🤝", "🕯", "🎖", "📸", "🇷🇺", "🌹", "✊"]
KEYCAP = "\ufe0f\u20e3"
# Hashtags per language, most used first (drawn with Zipf-like weights). Registered aliases of
# content/tags.yml and hashtags that get derived tag pages, in all three scripts.
HASHTAGS = {
    "en": "VictoryDay May9 WWII WeRemember Victory78 GreatPatrioticWar WeWereAllies NoOneIsForgotten "
          "OnThisDay Victory79 Victory80 NothingIsForgotten History Stalingrad Leningrad ImmortalRegiment "
          "Kursk Bagration Elbe Diplomacy Heroes Veterans Memory".split(),
    "ru": "9мая ДеньПобеды Победа МыПомним Победа78 ВОВ НиктоНеЗабыт ВЭтотДень Победа79 Победа80 "
          "ВтораяМироваяВойна НичтоНеЗабыто БессмертныйПолк Сталинград Ленинград Блокада Память Герои "
          "Ветераны МыБылиСоюзниками".split(),
    "tr": "ZaferGünü 9Mayıs İkinciDünyaSavaşı Hatırlıyoruz TarihteBugün Zafer78 BüyükVatanseverlikSavaşı "
          "Zafer79 Tarih Anma Kahramanlar Gaziler ÖlümsüzAlay Diplomasi Hafıza".split(),
}
CHANNELS = {
    "en": ["Russian MFA 🇷🇺", "Russian Embassy in the UK", "Archive of Victory", "History in Photographs"],
    "ru": ["МИД России 🇷🇺", "Посольство России в Турции", "Голос Победы", "История в фотографиях"],
    "tr": ["Rusya Ankara Büyükelçiliği", "Sputnik Türkiye", "Zafer Arşivi"],
}
GALLERY_SUFFIX = {"en": "Sputnik International", "ru": "Sputnik Россия", "tr": "Sputnik Türkiye"}
CREDITS = ["Sputnik / Ivan Shagin", "Sputnik / Yevgeny Khaldei", "Sputnik / Georgy Zelma", "Sputnik",
           "Sputnik / Max Alpert", "Sputnik / Arkady Shaikhet", "Photo : Public domain/Pfc. William E. Poulson"]
POST_LANGS = (("en", 45), ("ru", 35), ("tr", 20))


def _pick(rng: random.Random, items: list[str]) -> str:
    """Zipf-like: the first items are the most frequent."""
    return rng.choices(items, weights=[1 / (i + 1) for i in range(len(items))])[0]


# Posts commemorate the same anniversaries again and again: most dates come from this list.
FAMOUS_DATES = [dt.date.fromisoformat(d) for d in (
    "1945-05-09 1941-06-22 1945-04-25 1944-01-27 1943-02-02 1945-05-08 1945-06-24 1943-07-05 1941-12-05 "
    "1942-07-17 1944-06-06 1944-06-23 1945-01-27 1945-02-04 1945-04-16 1945-05-02 1941-09-08 1941-11-07 "
    "1943-08-23 1945-08-09 1945-09-02 1943-11-06").split()]


def render_date(rng: random.Random, lang: str) -> str:
    """A written-out wartime date the importers recognize ('April 25, 1945', '9 мая 1945 года')."""
    if rng.random() < 0.7:
        d = _pick(rng, FAMOUS_DATES)
    else:
        d = dt.date(1941, 6, 22) + dt.timedelta(days=rng.randrange(1441))  # to 1945-06-02
    month = MONTHS[lang][d.month - 1]
    return {"en": f"on {month} {d.day}, {d.year}", "ru": f"{d.day} {month} {d.year} года",
            "tr": f"{d.day} {month} {d.year}'te"}[lang]


def render_sentence(rng: random.Random, lang: str) -> str:
    function, content, names = WORDS[lang]
    n = rng.randint(7, 19)
    words: list[str] = []
    while len(words) < n:
        r = rng.random()
        word = rng.choice(function) if r < 0.38 else rng.choice(names) if r < 0.44 else rng.choice(content)
        if not words or word != words[-1]:
            words.append(word)
    if rng.random() < 0.05:  # about one date per post
        words.insert(rng.randint(1, len(words)), render_date(rng, lang))
    if len(words) > 9 and rng.random() < 0.4:
        words[rng.randint(3, len(words) - 3)] += ","
    text = " ".join(words)
    return text[0].upper() + text[1:] + rng.choice(".......!")


def render_paragraph(rng: random.Random, lang: str, n_words: int) -> str:
    sentences, count = [], 0
    while count < n_words - 6:  # stop about half a sentence early: paragraphs average n_words
        s = render_sentence(rng, lang)
        sentences.append(s)
        count += len(s.split())
    text = " ".join(sentences)
    return (rng.choice(EMOJI) + " " + text) if rng.random() < 0.15 else text


def render_hashtags(rng: random.Random, lang: str) -> list[str]:
    tags: list[str] = []
    for _ in range(rng.randint(3, 6)):
        pool = HASHTAGS[lang] if rng.random() < 0.75 else HASHTAGS[rng.choice(LANGS)]
        tag = _pick(rng, pool)
        while tag in tags:
            tag = rng.choice(pool + HASHTAGS["en"])
        tags.append(tag)
    return ["#" + t for t in tags]


def _post_lang(rng: random.Random) -> str:
    return rng.choices([lang for lang, _ in POST_LANGS], weights=[w for _, w in POST_LANGS])[0]


def render_telegram_post(rng: random.Random) -> str:
    """One post as a saved channel page shows it: placeholders, paragraphs, hashtags, the scrape's repeats."""
    lang = _post_lang(rng)
    n = rng.randint(3, 6)
    paragraphs = [render_paragraph(rng, lang, max(10, round(WORDS_PER_POST / n * rng.uniform(0.8, 1.2))))
                  for _ in range(n)]
    if lang == "en" and rng.random() < 0.1:
        years = "".join(d + KEYCAP for d in str(rng.randint(75, 80)))
        paragraphs[0] = f"It happened {years} years ago – {render_date(rng, 'en')}. " + paragraphs[0]
    if rng.random() < 0.1:  # a passage in another language, as embassies post
        other = rng.choice([x for x in LANGS if x != lang])
        paragraphs.insert(rng.randint(1, len(paragraphs)), render_paragraph(rng, other, rng.randint(15, 40)))
    tags = render_hashtags(rng, lang)
    if rng.random() < 0.2:  # one hashtag inside the text
        i = rng.randrange(len(paragraphs))
        paragraphs[i] += " " + tags.pop()
    tag_lines = [" ".join(tags)] if rng.random() < 0.6 else tags
    lines = [f"Forwarded from {rng.choice(CHANNELS[lang])}"]
    if rng.random() < 0.2:
        lines += ["Media is too big", "VIEW IN TELEGRAM"]
    elif rng.random() < 0.05:
        lines += ["Please open Telegram to view this post"]
    lines += paragraphs + tag_lines
    if rng.random() < 0.4:  # the scrape repeats the post from its second paragraph on
        lines += paragraphs[1:] + tag_lines
    return "\n".join(lines)


def render_gallery_article(rng: random.Random) -> str:
    """A saved photo-gallery article: date line, intro (repeated, once glued), time line, photos with
    credits, captions in two variants, the publication suffix and 'N/M' counters."""
    lang = _post_lang(rng)
    day = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(7 * 365))
    intro = [render_paragraph(rng, lang, rng.randint(30, 70)) for _ in range(rng.randint(3, 5))]
    intro[-1] += " " + " ".join(render_hashtags(rng, lang))
    suffix = GALLERY_SUFFIX[lang]
    lines = [f" date {day.isoformat()} International", intro[0], "".join(intro[1:]),
             f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d} GMT {day:%d.%m.%Y}", *intro[:-1], "", intro[-1]]
    total = rng.randint(6, 14)
    for i in range(1, total + 1):
        credit = rng.choice(CREDITS)
        caption = render_sentence(rng, lang).rstrip(".!") + "."
        if rng.random() < 0.5:
            lines += [f"© {credit} / Go to the mediabank{caption}", f"{caption[:-1]} - {suffix}"]
        else:
            lines += [f"© {credit} / Go to the mediabank", "", caption, "", f"{caption[:-1]} - {suffix}"]
        lines += [f"{i}/{total}", f"© {credit}", "/", "Go to the mediabank", caption]
    return "\n".join(lines) + "\n"


def synthetic_sources(n_posts: int, seed: int = SEED) -> dict[str, str]:
    """{file name: raw text} holding n_posts posts: saved channel pages of up to POSTS_PER_FILE posts,
    and one file per photo-gallery article. The same seed gives the same bytes."""
    rng = random.Random(seed)
    n_gallery = n_posts // GALLERY_EVERY if n_posts >= GALLERY_EVERY else min(1, n_posts // 2)
    n_telegram = n_posts - n_gallery
    files = {}
    for k, start in enumerate(range(0, n_telegram, POSTS_PER_FILE), 1):
        posts = [render_telegram_post(rng) for _ in range(min(POSTS_PER_FILE, n_telegram - start))]
        files[f"channel-page-{k:03d}.txt"] = "\n".join(posts) + "\n"
    for k in range(1, n_gallery + 1):
        files[f"gallery-{k:04d}.txt"] = render_gallery_article(rng)
    return files


# --- the temporary project (disk) -------------------------------------------------------------------

PROJECT_FILES = ("mkdocs.yml", "scripts", "overrides", "content/tags.yml")
EN_ONLY_CONFIG = "mkdocs.en-only.yml"


def write_snapshot(target: Path, rev: str | None = None) -> Path:
    """The files the build uses, copied once (the working tree changes while a long benchmark runs):
    from the working tree, or with `git archive` from a commit."""
    target.mkdir(parents=True)
    if rev is None:
        for name in PROJECT_FILES:
            src, dst = ROOT / name, target / name
            dst.parent.mkdir(parents=True, exist_ok=True)
            if src.is_dir():
                shutil.copytree(src, dst, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy(src, dst)
        return target
    proc = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", rev, *PROJECT_FILES],
                          capture_output=True)
    if proc.returncode != 0:
        raise RuntimeError(f"git archive {rev}: {proc.stderr.decode(errors='replace').strip()}")
    with tarfile.open(fileobj=io.BytesIO(proc.stdout)) as tar:
        tar.extractall(target, filter="data")
    return target


def write_project(work: Path, n_posts: int, snapshot: Path, seed: int = SEED) -> tuple[Path, list[Path]]:
    """A copy of the site (mkdocs.yml, scripts/, overrides/, content/tags.yml) under work/project with an
    English-only variant of mkdocs.yml, and the raw sources under work/raw. Returns (project, raw files)."""
    project, raw = work / "project", work / "raw"
    shutil.copytree(snapshot, project)
    raw.mkdir()
    (project / "docs").mkdir()
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / EN_ONLY_CONFIG).write_text(render_en_only_config(config), encoding="utf-8")
    for lang in LANGS:
        (project / PLAIN_CONFIG.format(lang=lang)).write_text(render_plain_config(config, lang), encoding="utf-8")
    paths = []
    for name, text in synthetic_sources(n_posts, seed).items():
        (raw / name).write_text(text, encoding="utf-8")
        paths.append(raw / name)
    return project, paths


PLAIN_CONFIG = "mkdocs.plain-{lang}.yml"


def render_plain_config(text: str, lang: str) -> str:
    """mkdocs.yml as a plain single-language Material site of the generated docs/<lang>/ pages: MkDocs and
    Material with lunr search, no archive plugin, no i18n, no theme overrides (the baseline the issue
    compares the build with). Edited as text, like render_en_only_config."""
    m = re.search(r"^plugins:[ \t]*\n(?:(?:[ \t]+.*|[ \t]*)\n)*", text, re.MULTILINE)
    if not m:
        raise RuntimeError("mkdocs.yml: no top-level 'plugins:' block; cannot make a plain Material build")
    text = text[:m.start()] + "plugins:\n  - search:\n      lang: " + lang + "\n\n" + text[m.end():]
    text = re.sub(r"^docs_dir:.*$", f"docs_dir: docs/{lang}", text, count=1, flags=re.MULTILINE)
    text = re.sub(r"^[ \t]+custom_dir:.*\n", "", text, count=1, flags=re.MULTILINE)
    text = re.sub(r"^([ \t]+language:)[ \t]*\S+", rf"\g<1> {lang}", text, count=1, flags=re.MULTILINE)
    return re.sub(r"^watch:[ \t]*\n(?:[ \t]+.*\n)*", "", text, count=1, flags=re.MULTILINE)


def render_en_only_config(text: str) -> str:
    """mkdocs.yml with mkdocs-static-i18n's `build_only_locale: en` (the same site, English pages only).
    Edited as text: the file uses !ENV and python tags that a YAML round trip would lose."""
    m = re.search(r"^[ \t]*- i18n:[ \t]*\n([ \t]+)\S", text, re.MULTILINE)
    if not m:
        raise RuntimeError("mkdocs.yml: no '- i18n:' plugin entry with options; cannot make an English-only build")
    return text[:m.start(1)] + f"{m.group(1)}build_only_locale: en\n" + text[m.start(1):]


def _reset(path: Path) -> None:
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)


# --- measuring (processes) --------------------------------------------------------------------------

@dataclass(frozen=True)
class Stage:
    seconds: float  # wall time
    cpu: float  # user + system time of the process: steadier than wall time on a shared machine
    peak_mb: float
    stdout: str


def run_stage(cmd: list[str], cwd: Path) -> Stage:
    """Run one stage in a fresh process: wall time, CPU time and peak resident memory of that stage alone.
    os.wait4 returns the rusage of this child and the workers it waited for (CPU summed, memory the largest
    single process), unlike RUSAGE_CHILDREN, which keeps the maximum over every stage run so far."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=err)
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:
            proc.kill()
            proc.wait()
            raise
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:6])} ... failed ({proc.returncode}):\n{stderr[-3000:]}")
    rss = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)  # bytes on macOS, KiB on Linux
    return Stage(seconds, usage.ru_utime + usage.ru_stime, rss / MB, stdout)


def _json(data, ascii: bool) -> bytes:
    return json.dumps(data, separators=(",", ":"), default=str, ensure_ascii=ascii).encode("utf-8")


def search_index_sizes(site: Path) -> dict:
    """MB of the search index per language and in total: as written, gzipped as a server sends it, and as
    it would be written as UTF-8 (ensure_ascii=False; MkDocs and Material write non-ASCII as \\uXXXX).
    Handles one search/search_index.json for all languages (entries keyed by `location`: 'ru/...', 'tr/...',
    the rest en) and one index per language (<lang>/search/search_index.json, en at the root)."""
    paths = {lang: site / ("" if lang == LANGS[0] else lang) / "search" / "search_index.json" for lang in LANGS}
    paths = {lang: p for lang, p in paths.items() if p.exists()}
    per_lang: dict[str, list] = {lang: [] for lang in LANGS}  # lang -> [(entry, written as ASCII?)]
    totals = {"written": 0, "gzip": 0, "utf8": 0}
    files = {}
    for file_lang, path in paths.items():
        raw = path.read_bytes()
        data = json.loads(raw)
        files[file_lang] = (raw, data)
        totals["written"] += len(raw)
        totals["gzip"] += len(gzip.compress(raw, 6))
        totals["utf8"] += len(_json(data, False))
        for entry in data["docs"]:
            first = entry["location"].split("/", 1)[0]
            lang = file_lang if len(paths) > 1 else first if first in LANGS[1:] else LANGS[0]
            per_lang[lang].append((entry, raw.isascii()))
    sizes = {enc: {"total": n / MB} for enc, n in totals.items()}
    for lang, entries in per_lang.items():
        if len(paths) > 1 and lang in files:  # a file per language: what its reader downloads
            raw, data = files[lang]
            written, utf8 = raw, _json(data, False)
        else:
            written = b"[" + b",".join(_json(e, ascii) for e, ascii in entries) + b"]"
            utf8 = b"[" + b",".join(_json(e, False) for e, _ in entries) + b"]"
        sizes["written"][lang] = len(written) / MB
        sizes["gzip"][lang] = len(gzip.compress(written, 6)) / MB
        sizes["utf8"][lang] = len(utf8) / MB
    sizes["files"] = len(paths)
    sizes["ascii"] = all(raw.isascii() for raw, _ in files.values())
    return sizes


@dataclass
class Result:
    posts: int  # posts in the synthetic archive
    imported: int  # post folders in content/posts after the import
    created: int  # what the import reported
    stages: dict[str, list[Stage]] = field(default_factory=dict)
    repeat_written: list[int] = field(default_factory=list)
    pages: int | None = None
    site_mb: float | None = None
    search: dict | None = None
    pagefind: dict | None = None  # site_search.pagefind_sizes of the built site
    project: Path | None = None
    weights: "Weights | None" = None  # where the built site's bytes go (bench/weight.py)
    categories: dict | None = None  # the same by kind of file (weight.categories)
    label: str = ""  # which project files were measured, when a run compares two (--compare)

    def seconds(self, stage: str) -> float | None:
        return statistics.median(s.seconds for s in self.stages[stage]) if self.stages.get(stage) else None

    def peak_mb(self, stage: str) -> float | None:
        return statistics.median(s.peak_mb for s in self.stages[stage]) if self.stages.get(stage) else None


def _log(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def bench(n_posts: int, work: Path, snapshot: Path, runs: int = 3, build: bool = True, seed: int = SEED,
          log=_log, plain: bool = True, weight_only: bool = False) -> Result:
    """Every stage `runs` times on an archive of n_posts synthetic posts, in a copy of `snapshot` under `work`."""
    project, raw_files = write_project(work, n_posts, snapshot, seed)
    py = sys.executable
    content = project / "content"
    result = Result(posts=n_posts, imported=0, created=0, project=project)
    stages = {name: [] for name in ("import", "generate", "repeat", "build", "rebuild", "en-only", "plain",
                                    "pagefind")}
    result.stages = stages
    for run in range(1, runs + 1):
        for sub in ("posts", "sources"):
            if (content / sub).exists():
                shutil.rmtree(content / sub)
        stage = run_stage([py, "-m", "scripts", "--content", "content", "import", *map(str, raw_files)], project)
        stages["import"].append(stage)
        m = re.search(r"^(\d+) created", stage.stdout, re.MULTILINE)
        result.created = int(m.group(1)) if m else 0
        result.imported = sum(1 for p in (content / "posts").iterdir() if p.is_dir())
        _reset(project / "docs")
        stages["generate"].append(run_stage([py, "-m", "scripts", "generate"], project))
        stage = run_stage([py, "-m", "scripts", "generate"], project)
        stages["repeat"].append(stage)
        m = re.search(r"(\d+) written", stage.stdout)
        result.repeat_written.append(int(m.group(1)) if m else -1)
        log(f"{n_posts} posts, run {run}/{runs}: " + ", ".join(
            f"{name} {stages[name][-1].seconds:.1f} s (CPU {stages[name][-1].cpu:.1f} s)"
            for name in ("import", "generate", "repeat")))
        if not build:
            continue
        site = work / "site"
        stages["build"].append(run_stage([py, "-m", "mkdocs", "build", "-q", "-d", str(site)], project))
        if weight_only:  # the site's weight is the trilingual build's: no second build to compare with
            continue
        # The same build again with nothing changed, as a contributor's next build: MkDocs' --dirty leaves
        # the pages whose Markdown is older than their HTML (generate rewrites only what changed).
        stages["rebuild"].append(run_stage([py, "-m", "mkdocs", "build", "-q", "--dirty", "-d", str(site)], project))
        if (site / "pagefind").is_dir():  # the build's search step alone, run again on the built site
            stages["pagefind"].append(run_stage([py, "-m", "scripts.site.search", str(site)], project))
        stages["en-only"].append(run_stage([py, "-m", "mkdocs", "build", "-q", "-f", EN_ONLY_CONFIG,
                                            "-d", str(work / "site-en")], project))
        if plain:  # three plain Material builds of the same generated pages, one per language, summed
            builds = [run_stage([py, "-m", "mkdocs", "build", "-q", "-f", PLAIN_CONFIG.format(lang=lang),
                                 "-d", str(work / f"site-plain-{lang}")], project) for lang in LANGS]
            stages["plain"].append(Stage(sum(b.seconds for b in builds), sum(b.cpu for b in builds),
                                         max(b.peak_mb for b in builds), ""))
        log(f"{n_posts} posts, run {run}/{runs}: " + ", ".join(
            f"{name} {stages[name][-1].seconds:.1f} s (CPU {stages[name][-1].cpu:.1f} s)"
            for name in ("build", "rebuild", "en-only", "plain") if stages[name]))
    if build:
        files = [p for p in site.rglob("*") if p.is_file()]
        result.pages = sum(1 for p in files if p.suffix == ".html")
        result.site_mb = sum(p.stat().st_size for p in files) / MB
        result.search = search_index_sizes(site)
        result.weights = site_weights(site)
        result.categories = categories(site)
        if (site / "pagefind").is_dir():
            from ..site.search import pagefind_sizes

            result.pagefind = pagefind_sizes(site)
    return result


# --- the report (pure) -------------------------------------------------------------------------------

COLUMNS = ("posts", "pages", "site MB", "import s", "import MB", "generate s", "generate MB",
           "repeat generate s", "repeat written", "build s", "build MB", "no-change rebuild s",
           "rebuild / build, CPU", "en-only build s", "en-only build MB", "build / 3× en-only",
           "3× plain Material s", "build / 3× plain")
WEIGHT_COLUMNS = ("posts", "pages", "site MB", "HTML MB", "KB / post page", "KB chrome / page",
                  "max KB chrome", "posts in 1 GB")
SEARCH_COLUMNS = ("posts", "search index", "total MB", "en MB", "ru MB", "tr MB")
PAGEFIND_COLUMNS = ("posts", "lang", "Pagefind files", "MB on disk", "MB served", "index chunks MB",
                    "fragments MB", "first query KB")


def _cpu_ratio(r: Result, stage: str, of: str) -> float | None:
    """Median CPU seconds of one stage over another's: steadier than wall time on a shared machine."""
    a, b = r.stages.get(stage), r.stages.get(of)
    if not a or not b:
        return None
    return statistics.median(s.cpu for s in a) / statistics.median(s.cpu for s in b)


def _cell(value, digits: int = 1) -> str:
    if value is None:
        return "–"
    return f"{value:,}" if isinstance(value, int) else f"{value:,.{digits}f}"


def _posts(r: Result) -> str:
    return _cell(r.posts) + (f" ({r.label})" if r.label else "")


def _row(cells) -> str:
    return "| " + " | ".join(cells) + " |"


def render_tables(results: list[Result], runs: int) -> str:
    lines = [_row(COLUMNS), _row("---:" for _ in COLUMNS)]
    for r in results:
        build, en_only, plain = r.seconds("build"), r.seconds("en-only"), r.seconds("plain")
        ratio = build / (3 * en_only) if build and en_only else None
        written = max(r.repeat_written) if r.repeat_written else None
        lines.append(_row([
            _posts(r), _cell(r.pages), _cell(r.site_mb), _cell(r.seconds("import")), _cell(r.peak_mb("import"), 0),
            _cell(r.seconds("generate")), _cell(r.peak_mb("generate"), 0), _cell(r.seconds("repeat")),
            _cell(written), _cell(build), _cell(r.peak_mb("build"), 0), _cell(r.seconds("rebuild")),
            _cell(_cpu_ratio(r, "rebuild", "build"), 2), _cell(en_only),
            _cell(r.peak_mb("en-only"), 0), _cell(ratio, 2), _cell(plain),
            _cell(build / plain if build and plain else None, 2),
        ]))
    lines += ["", f"Medians of {runs} run{'s' if runs != 1 else ''}; each stage in a fresh process "
              "(seconds include interpreter start). MB = 10^6 bytes; memory is the peak resident size of the "
              "stage's largest process. 'repeat' runs generate again with nothing changed ('repeat written' should be "
              "0). The build is the full trilingual `mkdocs build`; the no-change rebuild is `mkdocs build --dirty` "
              "right after it with nothing changed, and its ratio compares CPU seconds; en-only is the same site with "
              "`build_only_locale: en`; '3× plain Material' is three single-language builds of the same generated "
              "pages with MkDocs, Material and lunr search only (no archive plugin, no i18n, no overrides), summed."]
    weighed = [r for r in results if r.weights]
    if weighed:
        lines += ["", _row(WEIGHT_COLUMNS), _row("---:" for _ in WEIGHT_COLUMNS)]
        for r in weighed:
            w = r.weights
            lines.append(_row([_posts(r), _cell(w.pages), _cell(w.site_bytes / MB), _cell(w.html_bytes / MB),
                               _cell(w.kb_per_post_page), _cell(w.kb_chrome_per_page), _cell(w.max_chrome / 1e3),
                               _cell(max_posts(w.site_bytes, r.posts))]))
        lines += ["", "Weight: MB = 10^6 bytes of every file of the built site. Chrome is a page's bytes outside its "
                  "article (head, header, tabs, drawer, table of contents, footer, scripts). 'posts in 1 GB' "
                  "projects the archive whose site reaches GitHub Pages' 1 GB at this size per post."]
        kinds = [r for r in weighed if r.categories]
        if kinds:  # MB by kind of file, one column per measured site
            names = list(dict.fromkeys(name for r in kinds for name in r.categories))
            lines += ["", _row(["what", *(_posts(r) + " MB" for r in kinds)]),
                      _row([":---", *("---:" for _ in kinds)])]
            for name in names:
                lines.append(_row([name, *(_cell(r.categories.get(name, (0, 0, 0))[1] / MB) for r in kinds)]))
            lines += ["", "By kind of file (bench/weight.py: every language together; 'search' is Pagefind's; 'theme assets' do not grow)."]
    searched = [r for r in results if r.search and any(r.search["utf8"][lang] > 0.001 for lang in LANGS)]
    if searched:
        lines += ["", _row(SEARCH_COLUMNS), _row(["---:", ":---", "---:", "---:", "---:", "---:"])]
        for r in searched:
            layout = "one file per language" if r.search["files"] > 1 else "one file"
            encoding = "\\uXXXX" if r.search["ascii"] else "UTF-8"
            written = f"as written ({layout}, {encoding})"
            for enc, label in (("written", written), ("gzip", "as written, gzip -6"), ("utf8", "as UTF-8")):
                s = r.search[enc]
                lines.append(_row([_posts(r), label, *(_cell(s[k], 2) for k in ("total", *LANGS))]))
    indexed = [r for r in results if r.pagefind]
    if indexed:
        lines += ["", _row(PAGEFIND_COLUMNS), _row(["---:", ":---", *["---:"] * (len(PAGEFIND_COLUMNS) - 2)])]
        for r in indexed:
            for lang, s in r.pagefind.items():
                lines.append(_row([_posts(r), lang, _cell(s["files"]), _cell(s["bytes"] / MB, 2),
                                   _cell(s["served"] / MB, 2), _cell(s["index"] / MB, 2), _cell(s["fragment"] / MB, 2),
                                   _cell(s["first_query"] / 1e3, 0)]))
        seconds = {r.posts: r.seconds("pagefind") for r in indexed if r.stages.get("pagefind")}
        lines += ["", "Search: one Pagefind index per language (post pages only). On disk and as served (gzip for "
                  "its .js/.json; its index files are compressed already). 'first query KB': what any first query "
                  "loads before its index chunks and result fragments (pagefind.js, entry, metadata, WebAssembly). "
                  + "".join(f"Pagefind's indexing alone at {n:,} posts: {s:.1f} s (all three languages, in the build "
                            "time above). " for n, s in seconds.items())]
    return "\n".join(lines)


# --- command ----------------------------------------------------------------------------------------

def add_arguments(parser):
    parser.add_argument("--posts", type=int, nargs="+", default=[100], metavar="N",
                        help="archive sizes to measure (default: 100); e.g. --posts 100 1000")
    parser.add_argument("--runs", type=int, default=3, metavar="K", help="runs per size; medians are reported (default: 3)")
    parser.add_argument("--no-build", dest="build", action="store_false",
                        help="skip the MkDocs builds (import and generate only)")
    parser.add_argument("--seed", type=int, default=SEED, help=f"seed of the synthetic archive (default: {SEED})")
    parser.add_argument("--rev", metavar="COMMIT",
                        help="measure the site files of a commit (git archive) instead of the working tree")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and print its path")
    parser.add_argument("--compare", metavar="COMMIT",
                        help="measure a commit's site files too, in the same run against the same archive "
                             "(rows 'before' and 'after')")
    parser.add_argument("--no-plain", dest="plain", action="store_false",
                        help="skip the three plain Material builds (the baseline of 'build / 3× plain')")
    parser.add_argument("--weight-only", action="store_true",
                        help="build the trilingual site only (no en-only, plain or second Pagefind run): "
                             "its size, for a large archive")


def run(args) -> int:
    work = Path(tempfile.mkdtemp(prefix="archive-bench-"))
    try:
        trees = {"": write_snapshot(work / "snapshot", args.rev)}
        if args.compare:
            trees = {"before": write_snapshot(work / "snapshot-before", args.compare), "after": trees[""]}
        results = []
        for n in args.posts:
            for label, snapshot in trees.items():
                r = bench(n, work / f"posts-{n}{'-' + label if label else ''}", snapshot, runs=args.runs,
                          build=args.build, seed=args.seed, plain=args.plain and not args.weight_only,
                          weight_only=args.weight_only)
                r.label = label
                results.append(r)
        print(render_tables(results, args.runs))
    finally:
        if args.keep:
            print(f"\nkept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0
