"""A post written in a language beside the site's three (Ukrainian here) is recorded as that language and
shown untranslated, in its language, on every site language's page: never labelled as one of ours."""

from scripts.content.load import load_content
from scripts.site.generate import iter_pages
from scripts.sources.write import import_paths

UKRAINIAN = ("Forwarded from Ukrainian Institute of National Memory\n"
             "Радянські та американські війська зустрілися на Ельбі 25 квітня 1945 року.\n"
             "Це була зустріч союзників, яка наблизила кінець війни в Європі.\n")


def test_a_ukrainian_post_is_ukrainian(tmp_path):
    raw = tmp_path / "page.txt"
    raw.write_text(UKRAINIAN, encoding="utf-8")
    root = tmp_path / "content"
    report = import_paths([raw], root)
    [created] = report.created
    folder = root / "posts" / created.split()[0].split("/")[-1]
    assert "lang: uk" in (folder / "meta.yml").read_text(encoding="utf-8")
    assert sorted(p.name for p in folder.glob("*.md")) == ["uk.md"]
    content = load_content(root)
    [entry] = content.entries
    assert entry.lang == "uk"
    pages = dict(iter_pages(content))
    en = pages[f"en/posts/{entry.id}.md"]
    ru = pages[f"ru/posts/{entry.id}.md"]
    tr = pages[f"tr/posts/{entry.id}.md"]
    assert "The text below is the original, in Ukrainian." in en
    assert "оригинальный текст на украинском языке" in ru
    assert "Aşağıda metnin Ukraynaca aslı yer alıyor." in tr
    for page in (en, ru, tr):
        assert '<div lang="uk" markdown>' in page
        assert "Радянські та американські війська" in page
