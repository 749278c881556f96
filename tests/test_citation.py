"""Provenance, rights, citation, JSON-LD and open data, read back from the BUILT site (extruct, lxml,
frictionless), and the escaping of a hostile source name in each of them."""

import csv
import datetime as dt
import hashlib
import json
import re
from pathlib import Path

import extruct
import lxml.html
import pytest

from scripts.content.load import load_content
from scripts.content.model import LANGS, Entry, GalleryItem, Version
from scripts.content.sources_registry import Source
from scripts.site import citation, jsonld
from scripts.text.escape import escape_markdown
from tests.conftest import ROOT

BASE = "https://ww2-archive.github.io/"  # mkdocs.yml's site_url when SITE_URL is not set
INC = "http://rightsstatements.org/vocab/InC/1.0/"
CNE = "http://rightsstatements.org/vocab/CNE/1.0/"
PDM = "https://creativecommons.org/publicdomain/mark/1.0/"
# Written here, not read from the code: what each seed's pages must say.
SOURCE_NAMES = {
    "Russian MFA 🇷🇺": {"en": "Russian MFA", "ru": "МИД России", "tr": "Rusya Dışişleri Bakanlığı"},
    "Rusya Ankara Büyükelçiliği": {"en": "Russian Embassy in Ankara", "ru": "Посольство России в Анкаре",
                                   "tr": "Rusya Ankara Büyükelçiliği"},
    "Sputnik International": {"en": "Sputnik International", "ru": "Sputnik International", "tr": "Sputnik International"},
}
TEXT_RIGHTS = {"elbe-link-up-in-photographs": INC, "meeting-on-the-elbe": CNE, "operation-bagration": CNE,
               "victory-day-greeting": CNE, "victory-parades-on-red-square": CNE}
RIGHTS_LABEL = {CNE: {"en": "Copyright Not Evaluated", "ru": "Статус авторского права не оценивался",
                      "tr": "Telif durumu değerlendirilmedi"},
                INC: {"en": "In Copyright", "ru": "Охраняется авторским правом", "tr": "Telif hakkıyla korunuyor"}}
FOOTER = {"en": "The archive’s own work (translations, selection, descriptions) is licensed under",
          "ru": "Собственная работа архива (переводы, отбор, описания) распространяется по лицензии",
          "tr": "Arşivin kendi emeği (çeviriler, seçki, açıklamalar)"}


@pytest.fixture(scope="module")
def site(built_site) -> Path:
    path, messages = built_site
    assert "WARNING" not in messages, messages
    return path


@pytest.fixture(scope="module")
def content():
    return load_content(ROOT / "content")


def page_path(lang, rest):
    return ("" if lang == "en" else f"{lang}/") + rest


def read(site, lang, rest):
    return (site / page_path(lang, rest) / "index.html").read_text(encoding="utf-8")


def seeds(content):
    return [(entry, lang) for entry in content.entries for lang in LANGS]


def the_jsonld(html, url):
    data = extruct.extract(html, base_url=url, syntaxes=["json-ld"], uniform=True)["json-ld"]
    assert len(data) == 1, data
    return data[0]


def meta(html) -> dict:
    doc = lxml.html.fromstring(html)
    out = {}
    for m in doc.xpath("//head/meta[starts-with(@name, 'citation_')]"):
        out.setdefault(m.get("name"), []).append(m.get("content"))
    return out


def test_jsonld_of_every_post_in_every_language(site, content):
    for entry, lang in seeds(content):
        url = BASE + page_path(lang, f"posts/{entry.id}/")
        html = read(site, lang, f"posts/{entry.id}/")
        data = the_jsonld(html, url)
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == ("NewsArticle" if entry.id == "elbe-link-up-in-photographs" else "SocialMediaPosting")
        assert data["url"] == url and data["@id"] == url + "#post"
        assert data["inLanguage"] == lang  # every seed is translated into every language
        assert data["name"] == entry.versions[lang].title
        assert data["datePublished"] == entry.date.isoformat()
        written = entry.source["name"]
        assert data["author"]["name"] == SOURCE_NAMES[written][lang]
        assert data["copyrightHolder"] == data["author"]
        raw = ROOT / "content" / entry.source["raw"]
        copy = [b for b in data["isBasedOn"] if isinstance(b, dict)][0]
        assert copy["sha256"] == hashlib.sha256(raw.read_bytes()).hexdigest()
        assert copy["contentUrl"] == BASE + "sources/raw/" + raw.name
        original_id = BASE + page_path(entry.lang, f"posts/{entry.id}/") + "#post"
        if lang == entry.lang:
            assert data["license"] == TEXT_RIGHTS[entry.id]
            assert sorted(w["@id"] for w in data["workTranslation"]) == sorted(
                BASE + page_path(code, f"posts/{entry.id}/") + "#post" for code in LANGS if code != lang)
            assert "translationOfWork" not in data
        else:
            assert data["translationOfWork"]["@id"] == original_id
            assert data["license"] == [TEXT_RIGHTS[entry.id], "https://creativecommons.org/licenses/by/4.0/"]
            assert data["translator"]["@type"] == "Organization"


def test_jsonld_photographs_carry_credit_holder_and_rights(site):
    html = read(site, "ru", "posts/elbe-link-up-in-photographs/")
    gallery = the_jsonld(html, BASE + "ru/posts/elbe-link-up-in-photographs/")["hasPart"]
    assert gallery["@type"] == "ImageGallery"
    photos = gallery["associatedMedia"]
    assert [p["position"] for p in photos] == list(range(1, 15))
    assert all(p["@type"] == "Photograph" for p in photos)
    assert photos[0]["creditText"] == "Sputnik / Иван Шагин" and photos[0]["copyrightHolder"]["name"] == "Sputnik"
    assert photos[0]["creator"] == {"@type": "Person", "name": "Иван Шагин"}
    assert [p["license"] for p in photos] == [INC] * 13 + [PDM]
    assert "copyrightHolder" not in photos[13] and photos[13]["creator"]["name"].endswith("Уильям Э.\u00a0Поулсон")


def test_highwire_citation_meta_of_every_post(site, content):
    for entry, lang in seeds(content):
        html = read(site, lang, f"posts/{entry.id}/")
        tags = meta(html)
        assert tags["citation_title"] == [entry.versions[lang].title]
        assert tags["citation_author"] == [SOURCE_NAMES[entry.source["name"]][lang]]
        assert tags["citation_publication_date"] == [entry.date.strftime("%Y/%m/%d")]
        assert tags["citation_language"] == [lang]
        assert tags["citation_public_url"] == [BASE + page_path(lang, f"posts/{entry.id}/")]


def test_every_post_shows_provenance_rights_and_citation_in_its_language(site, content):
    for entry, lang in seeds(content):
        html = read(site, lang, f"posts/{entry.id}/")
        doc = lxml.html.fromstring(html)
        prov = doc.get_element_by_id("provenance").getnext()
        # No seed's raw copy states its original's address: the page says so and links nowhere.
        assert prov.xpath(".//span[@class='original-unknown']") and not prov.xpath(".//a[@class='original-link']")
        source_link = [a for a in prov.xpath(".//a") if "/sources/" in a.get("href") and "raw" not in a.get("href")]
        assert SOURCE_NAMES[entry.source["name"]][lang] in source_link[0].text_content()
        assert (site / page_path(lang, "posts/" + entry.id + "/" + source_link[0].get("href")) / "index.html").exists()
        raw = prov.xpath(".//a[@class='raw-copy']")[0]
        published = (site / page_path(lang, f"posts/{entry.id}/") / raw.get("href")).resolve()
        assert published.read_bytes() == (ROOT / "content" / entry.source["raw"]).read_bytes()
        assert prov.xpath(".//code[@class='sha256']")[0].text == hashlib.sha256(published.read_bytes()).hexdigest()
        rights = prov.xpath(".//span[@class='rights']/a")[0]
        assert (rights.get("href"), rights.text) == (TEXT_RIGHTS[entry.id], RIGHTS_LABEL[TEXT_RIGHTS[entry.id]][lang])
        block = doc.get_element_by_id("cite").getnext()
        text = block.xpath(".//blockquote[@class='citation']")[0].text_content()
        assert entry.versions[lang].title in text and BASE + page_path(lang, f"posts/{entry.id}/") in text
        assert SOURCE_NAMES[entry.source["name"]][lang] in text
        bib, csl = block.xpath(".//p[@class='cite-downloads']/a/@href")
        check_bibtex((site / page_path(lang, f"posts/{entry.id}/") / bib).resolve().read_text(encoding="utf-8"), entry, lang)
        check_csl((site / page_path(lang, f"posts/{entry.id}/") / csl).resolve().read_text(encoding="utf-8"), entry, lang)
    ru = read(site, "ru", "posts/victory-parades-on-red-square/")
    assert ("<p>МИД России. Парады Победы на Красной площади [пост в Telegram]. 9 мая 2023\u202fг. Пер. с английского: "
            "архив. Память о Второй мировой войне. URL: https://ww2-archive.github.io/ru/posts/victory-parades-on-red-square/ "
            "(дата обращения: ДД.ММ.ГГГГ).</p>") in ru
    en = read(site, "en", "posts/victory-day-greeting/")
    assert ("<p>Russian Embassy in Ankara. “Victory Day greeting.” Telegram post, May 9, 2023. Translated from Turkish "
            "by the archive. In Remembering the Second World War, https://ww2-archive.github.io/posts/victory-day-greeting/. "
            "Accessed [date].</p>") in en
    assert ("В оригинальной публикации было видео, которое не сохранилось в этой копии. "
            "Адрес оригинала, где его можно было бы посмотреть, неизвестен.") in ru
    assert "Автор текста\u00a0— МИД России (англоязычный Telegram-канал Министерства иностранных дел Российской Федерации)" in ru


def test_photo_rights_shown_linked_in_each_language(site):
    for lang, label in (("en", "Public domain"), ("ru", "Общественное достояние"), ("tr", "Kamu malı")):
        doc = lxml.html.fromstring(read(site, lang, "posts/elbe-link-up-in-photographs/"))
        # The archive holds none of these photos: the gallery is a list of captions and credits.
        links = doc.xpath("//*[@id='photo-14']//small[@class='credit']/a[@rel='license']")
        assert [(a.get("href"), a.text) for a in links] == [(PDM, label)]
        first = doc.xpath("//*[@id='photo-1']//small[@class='credit']/a[@rel='license']")[0]
        assert (first.get("href"), first.text) == (INC, RIGHTS_LABEL[INC][lang])


# --- BibTeX: a small parser that honours escaped braces -------------------------------------------

def parse_bibtex(text: str) -> tuple[str, str, dict]:
    m = re.match(r"\s*@(\w+)\{([^,\s]+),", text)
    assert m, text
    i, fields = m.end(), {}
    while True:
        f = re.compile(r"\s*(\w+)\s*=\s*\{").match(text, i)
        if not f:
            break
        depth, j = 1, f.end()
        while depth:
            ch = text[j]
            if ch == "\\":
                j += 2
                continue
            depth += {"{": 1, "}": -1}.get(ch, 0)
            j += 1
        fields[f.group(1)] = text[f.end():j - 1]
        i = j
        i = re.compile(r"\s*,?").match(text, i).end()
    assert text[i:].strip() == "}", text[i:]
    return m.group(1), m.group(2), fields


def untex(value: str) -> str:
    value = value.replace(r"\textbackslash{}", "\\").replace(r"\^{}", "^").replace(r"\~{}", "~")
    return re.sub(r"\\([{}%$&#_])", r"\1", value)


def check_bibtex(text, entry, lang):
    kind, key, fields = parse_bibtex(text)
    assert (kind, key) == ("misc", f"{entry.id}-{lang}")
    assert untex(fields["author"]) == "{" + SOURCE_NAMES[entry.source["name"]][lang] + "}"
    assert untex(fields["title"]) == entry.versions[lang].title
    assert fields["date"] == entry.date.isoformat() and fields["year"] == str(entry.date.year)
    assert fields["url"] == BASE + page_path(lang, f"posts/{entry.id}/")


def check_csl(text, entry, lang):
    [item] = json.loads(text)
    assert item["title"] == entry.versions[lang].title
    assert item["author"] == [{"literal": SOURCE_NAMES[entry.source["name"]][lang]}]
    assert item["issued"] == {"date-parts": [[entry.date.year, entry.date.month, entry.date.day]]}
    assert item["type"] == ("article-newspaper" if entry.id == "elbe-link-up-in-photographs" else "post")
    assert item["URL"] == BASE + page_path(lang, f"posts/{entry.id}/") and item["language"] == lang


# --- open data -----------------------------------------------------------------------------------

def test_data_package_validates_and_holds_the_archive(site, content):
    from frictionless import validate

    report = validate(str(site / "data" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    with open(site / "data" / "posts.csv", encoding="utf-8") as f:
        posts = {row["id"]: row for row in csv.DictReader(f)}
    assert set(posts) == {e.id for e in content.entries}
    greeting = posts["victory-day-greeting"]
    assert (greeting["source"], greeting["lang"], greeting["title_tr"], greeting["rights"], greeting["original_url"]) == (
        "Rusya Ankara Büyükelçiliği", "tr", "Zafer Günü kutlama mesajı", CNE, "")
    with open(site / "data" / "photos.csv", encoding="utf-8") as f:
        photos = list(csv.DictReader(f))
    assert len(photos) == 14 and photos[13]["rights"] == PDM and photos[0]["photographer_tr"] == "İvan Şagin"
    with open(site / "data" / "sources.csv", encoding="utf-8") as f:
        sources = {row["name"]: row for row in csv.DictReader(f)}
    assert sources["Rusya Ankara Büyükelçiliği"]["label_en"] == "Russian Embassy in Ankara"
    assert sources["Russian MFA 🇷🇺"]["posts"] == "3"
    assert json.loads((site / "data" / "posts.json").read_text(encoding="utf-8"))[0]["titles"]["ru"]
    assert (site / "data" / "index.html").exists() and (site / "ru" / "data" / "index.html").exists()


def test_a_broken_data_package_fails_validation(site, tmp_path):
    """The validation test can fail: a photo of a post that does not exist breaks the foreign key."""
    import shutil

    from frictionless import validate
    shutil.copytree(site / "data", tmp_path / "data")
    photos = tmp_path / "data" / "photos.csv"
    photos.write_text(photos.read_text(encoding="utf-8").replace("elbe-link-up-in-photographs,3,", "no-such-post,3,"),
                      encoding="utf-8")
    assert not validate(str(tmp_path / "data" / "datapackage.json")).valid


# --- footer, sources pages, About ----------------------------------------------------------------

def test_footer_in_the_page_language_replaces_made_with_material(site):
    for lang in LANGS:
        for rest in ("", "posts/meeting-on-the-elbe/", "sources/"):
            html = read(site, lang, rest)
            footer = lxml.html.fromstring(html).xpath("//div[@class='md-copyright']")[0]
            text = footer.text_content()
            assert FOOTER[lang] in text and "Made with" not in text and "Material for MkDocs" not in text
            assert footer.xpath(".//a[@rel='license']/@href") == ["https://creativecommons.org/licenses/by/4.0/"]
            about = footer.xpath(".//a[not(@rel)]/@href")[0]
            assert (site / page_path(lang, rest) / about / "index.html").resolve().exists()


def test_sources_pages_read_in_the_page_language(site):
    en = read(site, "en", "sources/rusya-ankara-buyukelciligi/")
    assert "Source: Russian Embassy in Ankara" in en
    assert "The Telegram channel of the Embassy of the Russian Federation in Türkiye, in Ankara" in en
    assert "(an embassy)" in en and "It signs its posts as “Rusya Ankara Büyükelçiliği”." in en
    ru = read(site, "ru", "sources/russian-mfa/")
    assert "Источник: МИД России" in ru and "Англоязычный Telegram-канал Министерства иностранных дел" in ru
    assert '<a href="https://t.me/MFARussia" rel="noopener">' in ru and "<code>@MFARussia</code>" in ru
    card = lxml.html.fromstring(read(site, "en", "archive/")).xpath(
        "//article[@class='post-card'][.//a[contains(@href, 'victory-day-greeting')]]//p[@class='post-meta']")[0]
    assert card.text_content().endswith("· Russian Embassy in Ankara")
    index = read(site, "tr", "sources/")
    assert "Rusya Dışişleri Bakanlığı" in index and "Rus devletine ait haber ajansı Sputnik’in" in index


def test_about_page_in_each_language(site):
    titles = {"en": "About this archive", "ru": "Об архиве", "tr": "Arşiv hakkında"}
    for lang in LANGS:
        doc = lxml.html.fromstring(read(site, lang, "about/"))
        assert doc.xpath("//h1")[0].text_content() == titles[lang]
        assert len(doc.xpath("//article//h2")) == 5


# --- hostile names -------------------------------------------------------------------------------

HOSTILE = 'Evil</script><script>alert(1)</script> & "q" {x} } @misc{y, \\ % $ # _ ^ ~ <!--'


def hostile_entry():
    version = Version(lang="en", title=HOSTILE, body="Body text.", captions={1: escape_markdown(HOSTILE)}, path="x/en.md")  # captions are Markdown
    return Entry(id="hostile", path="content/posts/hostile", lang="en",
                 source={"name": HOSTILE, "kind": "telegram-web", "raw": "sources/x.txt"},
                 versions={"en": version}, date=dt.date(2023, 5, 9), rights=CNE, raw_sha256="0" * 64,
                 gallery=(GalleryItem(n=1, agency=HOSTILE, photographer={"": HOSTILE}, rights=INC, image=None),))


def test_a_hostile_source_name_stays_text_in_jsonld_meta_and_bibtex():
    entry = hostile_entry()
    sources = {HOSTILE: Source(written=HOSTILE, names={"en": HOSTILE}, about={"en": HOSTILE})}
    tag = jsonld.script_tag(jsonld.post_jsonld(entry, "en", BASE, sources))
    assert tag.count("</script") == 1 and "<!--" not in tag and "<script>" not in tag.split(">", 1)[1]
    page = f"<html><head>{citation.meta_tags(citation.citation_of(entry, 'en', BASE, sources))}{tag}</head><body></body></html>"
    data = the_jsonld(page, BASE + "posts/hostile/")
    assert data["author"]["name"] == HOSTILE and data["name"] == HOSTILE
    assert data["hasPart"]["associatedMedia"][0]["caption"] == HOSTILE
    assert meta(page)["citation_author"] == [HOSTILE] and meta(page)["citation_title"] == [HOSTILE]
    kind, key, fields = parse_bibtex(citation.bibtex(citation.citation_of(entry, "en", BASE, sources)))
    assert (kind, key) == ("misc", "hostile-en")
    assert untex(fields["author"]) == "{" + HOSTILE + "}"
    assert untex(fields["title"]) == HOSTILE
    csl = json.loads(citation.csl_json(citation.citation_of(entry, "en", BASE, sources)))
    assert csl[0]["author"] == [{"literal": HOSTILE}]
    block = citation.cite_block(citation.citation_of(entry, "en", BASE, sources), "en", "a.bib", "a.json")
    assert "<script>" not in block and "&lt;/script&gt;" in block
