"""A saved news article page (scripts/sources/news_article_html.py), rule by rule: each test builds its own
small page, and states the post, photos, warnings or error a contributor would see, written out by hand
(issue 10, item 5: tests that notice a changed line)."""

import datetime as dt
import json

import pytest

from scripts.content.model import ContentError, Photo
from scripts.sources.news_article_html import looks_like, parse

OG = '<meta property="og:type" content="article">'


def page(head="", body="", ld=None):
    scripts = "".join(f'<script type="application/ld+json">{json.dumps(x, ensure_ascii=False)}</script>'
                      for x in (ld or []))
    return f"<html><head>{OG}{head}{scripts}</head><body>{body}</body></html>"


def meta(prop, content, attr="property"):
    return f'<meta {attr}="{prop}" content="{content}">'


def one(*args, **kw):
    [post] = parse(page(*args, **kw))
    return post


def texts(post):
    return [p.text for p in post.paragraphs]


def error_of(text):
    with pytest.raises(ContentError) as e:
        parse(text)
    return str(e.value)


# looks_like

@pytest.mark.parametrize("text", [
    '<meta property="og:type" content="article">', "<meta property='og:type' content='article'>",
    '<meta property=og:type content=article>', '<meta content="article" property="og:type">',
    '<meta PROPERTY = "og:type" CONTENT = "Article">', '<meta property="article:published_time" content="x">',
    '{"@type": "NewsArticle"}', '{"@type":["ReportageNewsArticle"]}', '{"@type" : "ImageGallery"}',
])
def test_an_article_page_looks_like_one(text):
    assert looks_like("<html><head>" + text)


@pytest.mark.parametrize("text", ['<meta property="og:type" content="website">', '{"@type": "Article"}',
                                  '<meta property="og:title" content="article">', "An article about the war"])
def test_other_pages_do_not_look_like_one(text):
    assert not looks_like(text)


def test_looks_like_reads_the_first_400000_characters_only():
    assert not looks_like(" " * 400_000 + OG)
    assert looks_like(" " * 399_900 + OG)


# title, site, kind

def test_an_article_is_one_post_with_its_metadata():
    post = one(meta("og:title", "Elbe Day remembered") + meta("og:site_name", "Example News")
               + meta("og:description", "Veterans met at Torgau.") + '<link rel="canonical" href="https://e.org/a">'
               + meta("article:published_time", "2024-04-25T13:59:00+03:00"),
               "<article><p>On April 25, 1945, troops met on the Elbe.</p><p>It was a symbol.</p></article>")
    assert post.title == "Elbe Day remembered"
    assert post.source_name == "Example News"
    assert post.source_kind == "news-article-html"
    assert texts(post) == ["Veterans met at Torgau.", "On April 25, 1945, troops met on the Elbe.", "It was a symbol."]
    assert (post.date, post.time, post.published) == (dt.date(2024, 4, 25), "13:59 UTC+03:00",
                                                      "2024-04-25T13:59:00+03:00")
    assert (post.url, post.identity) == ("https://e.org/a", "web:https://e.org/a")
    assert post.commemorates == [dt.date(1945, 4, 25)]
    assert post.warnings == [] and post.photos == []


@pytest.mark.parametrize("sep", ["-", "–", "—", "|"])
def test_the_sites_name_is_cut_from_the_title(sep):
    post = one(meta("og:title", f"Elbe Day {sep} Example News") + meta("og:site_name", "Example News"))
    assert post.title == "Elbe Day"


def test_a_site_name_inside_the_title_stays():
    post = one(meta("og:title", "Example News - Elbe Day") + meta("og:site_name", "Example News"))
    assert post.title == "Example News - Elbe Day"
    post = one(meta("og:title", "Elbe Day - Example News"))
    assert post.title == "Elbe Day - Example News"


def test_the_title_comes_from_the_headline_then_the_h1_then_the_text():
    assert one(ld=[{"@type": "NewsArticle", "headline": " Headline  "}], body="<h1>H1</h1>").title == "Headline"
    assert one(ld=[{"@type": "NewsArticle", "headline": ["", "Second"]}]).title == "Second"
    assert one(body="<h1> The <b>first</b> heading </h1><p>x</p>").title == "The first heading"
    assert one(body="<p>Troops met on the Elbe. More text.</p>").title == "Troops met on the Elbe"


@pytest.mark.parametrize("ld, site", [
    ({"@type": "NewsArticle", "publisher": {"name": "Publisher"}, "author": {"name": "Author"}}, "Publisher"),
    ({"@type": "NewsArticle", "publisher": [{"name": ""}, {"name": "Second"}]}, "Second"),
    ({"@type": "NewsArticle", "author": "A Writer"}, "A Writer"),
    ({"@type": "NewsArticle", "author": [{"@type": "Person", "name": ["", "Listed"]}]}, "Listed"),
    ({"@type": "ReportageNewsArticle", "publisher": {"name": "Reportage"}}, "Reportage"),
    ({"@type": "Article", "publisher": {"name": "Plain"}}, "Plain"),
    ({"@type": ["WebPage", "ImageGallery"], "publisher": {"name": "Gallery"}}, "Gallery"),
    ({"@type": "WebPage", "publisher": {"name": "Not an article"}}, "Unknown publication"),
    ({"@type": "NewsArticle", "publisher": 7}, "Unknown publication"),
])
def test_the_site_is_the_articles_publisher_or_author(ld, site):
    assert one(ld=[ld]).source_name == site


def test_og_site_name_comes_before_the_json_ld_publisher():
    post = one(meta("og:site_name", "OG Site"), ld=[{"@type": "NewsArticle", "publisher": {"name": "LD"}}])
    assert post.source_name == "OG Site"


def test_the_article_object_is_found_inside_a_graph():
    ld = {"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "Site"},
                                                        {"@type": "NewsArticle", "headline": "In the graph",
                                                         "publisher": {"name": "Graph News"}}]}
    post = one(ld=[ld])
    assert (post.title, post.source_name) == ("In the graph", "Graph News")


def test_a_news_article_is_preferred_to_a_plain_article():
    post = one(ld=[{"@type": "Article", "headline": "Plain"}, {"@type": "NewsArticle", "headline": "News"}])
    assert post.title == "News"


def test_the_first_meta_of_a_name_counts_and_names_are_read_without_case():
    post = one(meta("OG:Title", "First") + meta("og:title", "Second") + meta("og:site_name", "")
               + meta("og:site_name", "Site"))
    assert (post.title, post.source_name) == ("First", "Site")


def test_a_meta_named_by_name_counts_too():
    post = one(meta("og:title", "By name", attr="name") + meta("description", "Described.", attr="name"))
    assert (post.title, texts(post)) == ("By name", ["Described."])


# dates

@pytest.mark.parametrize("value, date, time, published", [
    ("2024-04-25T13:59:00Z", dt.date(2024, 4, 25), "13:59 UTC", "2024-04-25T13:59:00+00:00"),
    ("2024-04-25T13:59:00+00:00", dt.date(2024, 4, 25), "13:59 UTC", "2024-04-25T13:59:00+00:00"),
    ("2024-04-25T16:59:00-05:00", dt.date(2024, 4, 25), "16:59 UTC-05:00", "2024-04-25T16:59:00-05:00"),
    ("2024-04-25T13:59:00", dt.date(2024, 4, 25), "13:59", None),
    ("2024-04-25", dt.date(2024, 4, 25), None, None),
    ("20240425", dt.date(2024, 4, 25), None, None),
])
def test_the_publication_time_as_the_page_states_it(value, date, time, published):
    post = one(meta("article:published_time", value))
    assert (post.date, post.time, post.published) == (date, time, published)


def test_the_json_ld_date_is_read_when_the_meta_has_none():
    post = one(ld=[{"@type": "WebPage"}, {"@type": "NewsArticle", "datePublished": "2023-05-09T10:00:00+03:00"}])
    assert (post.date, post.time) == (dt.date(2023, 5, 9), "10:00 UTC+03:00")
    post = one(meta("article:published_time", "2024-01-02"), ld=[{"@type": "NewsArticle",
                                                                  "datePublished": "2023-05-09"}])
    assert post.date == dt.date(2024, 1, 2)


def test_no_date_is_no_date():
    post = one(body="<p>Words.</p>")
    assert (post.date, post.time, post.published) == (None, None, None)


def test_a_publication_time_that_is_no_date_is_refused_at_its_line():
    text = page("\n\n" + meta("article:published_time", "the ninth of May, a long while ago now, in 1945"))
    assert error_of(text) == ("article.html:3: article:published_time 'the ninth of May, a long while ago now, ' "
                              "is not a date and time (expected ISO 8601, e.g. \"2024-04-25T13:59:00+00:00\")")


def test_a_json_ld_date_that_is_no_date_is_refused_at_its_scripts_line():
    text = page("\n" + '<script type="application/ld+json">\n{"@type": "NewsArticle", "datePublished": "May 9"}'
                "</script>")
    assert error_of(text) == ("article.html:2: datePublished 'May 9' is not a date and time "
                              "(expected ISO 8601, e.g. \"2024-04-25T13:59:00+00:00\")")


# the address

@pytest.mark.parametrize("head, ld, url", [
    ('<link rel="canonical" href=" https://e.org/c ">' + meta("og:url", "https://e.org/og"), None, "https://e.org/c"),
    (meta("og:url", "https://e.org/og"), [{"@type": "NewsArticle", "url": "https://e.org/ld"}], "https://e.org/og"),
    ("", [{"@type": "NewsArticle", "url": "https://e.org/ld", "mainEntityOfPage": "https://e.org/m"}],
     "https://e.org/ld"),
    ("", [{"@type": "NewsArticle", "mainEntityOfPage": {"@id": "https://e.org/id"}}], "https://e.org/id"),
    ("", [{"@type": "NewsArticle", "mainEntityOfPage": "http://e.org/m"}], "http://e.org/m"),
    ('<link rel="canonical" href="file:///C:/a.html">' + meta("og:url", "https://e.org/og"), None,
     "https://e.org/og"),
])
def test_the_address_is_the_first_web_address_given(head, ld, url):
    post = one(head, ld=ld)
    assert (post.url, post.identity, post.warnings) == (url, f"web:{url}", [])


def test_an_address_that_is_not_a_web_address_is_said_and_not_recorded():
    post = one('<link rel="canonical" href="file:///C:/Users/a/Article.html">' + meta("og:url", "about:blank"))
    assert (post.url, post.identity) == (None, None)
    assert post.warnings == [("the page's address 'file:///C:/Users/a/Article.html' is not an http or https address; "
                             "not recorded")]


def test_a_page_without_an_address_says_nothing_of_it():
    post = one('<link rel="canonical" href="  ">')
    assert (post.url, post.warnings) == (None, [])


# the text

def test_the_description_comes_from_og_then_json_ld_then_the_description_meta():
    assert texts(one(meta("description", "Meta.", attr="name"),
                     ld=[{"@type": "NewsArticle", "description": "LD."}])) == ["LD."]
    assert texts(one(meta("description", "Meta.", attr="name") + meta("og:description", "OG."))) == ["OG."]


def test_the_body_is_the_article_body_then_its_class_then_the_article_then_the_page():
    body = ('<p>Page.</p><article><p>Article.</p><div class="article__body"><p>Class.</p>'
            '<div itemprop="articleBody"><p>Itemprop.</p></div></div></article>')
    assert texts(one(body=body)) == ["Itemprop."]
    assert texts(one(body=body.replace("itemprop", "x"))) == ["Class.", "Itemprop."]
    assert texts(one(body=body.replace("itemprop", "x").replace("article__body", "y"))) == [
        "Article.", "Class.", "Itemprop."]
    assert texts(one(body="<div><p>Page one.</p></div><p>Page two.</p>")) == ["Page one.", "Page two."]


def test_text_blocks_are_read_in_order_and_furniture_is_not():
    body = ("<article><h2>Heading</h2><nav><p>Menu</p></nav><p>First.</p><script>var x = 1;</script>"
            "<blockquote>A quote.</blockquote><ul><li>Item one.</li><li>Item two.</li></ul>"
            "<figure><p>In a figure.</p></figure><aside><p>Aside.</p></aside><h3>Sub</h3><h4>Subsub</h4>"
            "<footer><p>Footer.</p></footer><form><p>Form.</p></form><button>Share</button>"
            "<header><p>Header.</p></header><noscript><p>No script.</p></noscript><style>p{}</style>"
            "<template><p>Template.</p></template></article>")
    assert texts(one(body=body)) == ["Heading", "First.", "A quote.", "Item one.", "Item two.", "Sub", "Subsub"]


def test_an_innermost_div_with_text_is_a_block_and_an_empty_one_is_not():
    body = ("<article><div><div>Inner text.</div><div> </div><div><span>In a span.</span></div></div>"
            "<section><div>In a section.</div></section><div>Outer <ul><li>listed</li></ul></div>"
            "</article>")
    assert texts(one(body=body)) == ["Inner text.", "In a span.", "In a section.", "Outer", "listed"]


def test_text_loose_between_blocks_is_a_paragraph_of_its_own_in_reading_order():
    body = ("<article>Loose before, <b>bold</b> too.<p>A paragraph.</p>Loose <a href=\"https://e.org/x\">linked</a>"
            " between.<div>A div.</div><span>A span at the end.</span><!-- a comment --></article>")
    post = one(body=body)
    assert texts(post) == ["Loose before, bold too.", "A paragraph.", "Loose linked between.", "A div.",
                           "A span at the end."]
    assert [(s.text, s.bold) for s in post.paragraphs[0].spans if s.bold] == [("bold", True)]
    assert [(s.text, s.href) for s in post.paragraphs[2].spans if s.href] == [("linked", "https://e.org/x")]


def test_each_table_cell_is_read_once_and_a_caption_too():
    body = ("<article><table><caption>Losses, 1941</caption><tr><th>Front</th><th>Men</th></tr>"
            "<tr><td>Western</td><td>420,000</td></tr><tr><td><p>Kyiv</p><p>encircled</p></td><td></td></tr>"
            "</table></article>")
    assert texts(one(body=body)) == ["Losses, 1941", "Front", "Men", "Western", "420,000", "Kyiv", "encircled"]


def test_the_h1_that_says_the_title_is_the_title_and_another_h1_is_text():
    same = one(head=meta("og:title", "The Elbe, 1945"), body="<article><h1>The  elbe, 1945</h1><p>Text.</p></article>")
    assert (same.title, texts(same)) == ("The Elbe, 1945", ["Text."])
    other = one(head=meta("og:title", "Elbe"), body="<article><h1>Troops meet on the Elbe</h1><p>Text.</p></article>")
    assert texts(other) == ["Troops meet on the Elbe", "Text."]


# photos

def figure(src="", caption="", attrs="", extra=""):
    cap = f"<figcaption>{caption}</figcaption>" if caption is not None else ""
    img = f'<img src="{src}" {attrs}>' if src is not None else ""
    return f"<figure>{img}{extra}{cap}</figure>"


def test_a_figure_is_a_photo_with_its_caption_and_credit():
    body = figure("Article_files/1.jpg", 'Troops meet on the Elbe, April 25, 1945. <span class="copyright">'
                  "© Sputnik / Ivan Shagin</span>", 'data-src="https://cdn.e.org/1.jpg"')
    post = one(body=f"<article><p>Text.</p>{body}</article>")
    assert post.photos == [Photo(1, "Troops meet on the Elbe, April 25, 1945.", agency="Sputnik",
                                 photographer="Ivan Shagin", image="Article_files/1.jpg", url="https://cdn.e.org/1.jpg")]
    assert texts(post) == ["Text."]
    assert post.commemorates == [dt.date(1945, 4, 25)]
    assert post.warnings == []


def test_a_credit_after_a_copyright_sign_is_the_credit():
    post = one(body=figure("a_files/1.jpg", "Parade on Red Square © TASS"))
    assert (post.photos[0].caption, post.photos[0].agency) == ("Parade on Red Square", "TASS")


@pytest.mark.parametrize("credit", ['<small>TASS</small>', '<cite>TASS</cite>', '<span class="photo-credit">TASS</span>',
                                    '<span class="byline">TASS</span>', '<div class="Source">TASS</div>'])
def test_a_credit_element_is_the_credit(credit):
    post = one(body=figure("a_files/1.jpg", f"Parade {credit}"))
    assert (post.photos[0].caption, post.photos[0].agency) == ("Parade", "TASS")


def test_counters_and_the_mediabank_link_are_no_caption():
    figs = "".join(figure(f"a_files/{n}.jpg", f"<span>{n}/2</span> Photo {n} <a>Go to the mediabank</a> /")
                   for n in (1, 2))
    post = one(body=figs)
    assert [p.caption for p in post.photos] == ["Photo 1", "Photo 2"]
    assert post.warnings == []


def test_counters_that_skip_are_said():
    figs = figure("a_files/1.jpg", "<span>1/3</span> One") + figure("a_files/3.jpg", "<span>3/3</span> Three")
    warnings = one(body=figs).warnings
    assert warnings[0] == "photo counters skip 2/3"


def test_a_photo_without_a_caption_is_said():
    post = one(body=figure("a_files/1.jpg", None) + figure("a_files/2.jpg", "Two"))
    assert [p.caption for p in post.photos] == ["", "Two"]
    assert post.warnings == ["photo 1 has no caption"]


@pytest.mark.parametrize("attrs, extra, url", [
    ('data-src="//cdn.e.org/a.jpg"', "", "https://cdn.e.org/a.jpg"),
    ("", '<a data-photoview-src="https://e.org/big.jpg"></a>', "https://e.org/big.jpg"),
    ('data-original=" https://e.org/o.jpg "', "", "https://e.org/o.jpg"),
    ('srcset="https://e.org/s.jpg 2x"', "", "https://e.org/s.jpg"),
])
def test_a_figures_web_address_is_its_gallery_or_lazy_load_address(attrs, extra, url):
    post = one(body=figure("a_files/1.jpg", "Caption", attrs, extra))
    assert (post.photos[0].image, post.photos[0].url) == ("a_files/1.jpg", url)


def test_a_figure_whose_image_is_on_the_web_only_is_recorded_by_its_address():
    post = one(body=figure("https://e.org/1.jpg", "Caption"))
    assert post.photos == [Photo(1, "Caption", url="https://e.org/1.jpg")]
    post = one(body='<figure><img data-src="https://e.org/2.jpg"><figcaption>C</figcaption></figure>')
    assert post.photos == [Photo(1, "C", url="https://e.org/2.jpg")]


def test_a_figure_with_nothing_to_show_is_no_photo():
    assert one(body=figure("", "") + figure(None, None) + figure("../x.jpg", "")).photos == []


def test_figures_in_the_pages_furniture_or_inside_another_figure_are_no_photos():
    body = ("<nav>" + figure("a_files/n.jpg", "Nav") + "</nav><header>" + figure("a_files/h.jpg", "Head")
            + "</header><footer>" + figure("a_files/f.jpg", "Foot") + "</footer><aside>"
            + figure("a_files/a.jpg", "Aside") + "</aside>"
            + "<figure><img src='a_files/o.jpg'><figcaption>Outer</figcaption>"
            + figure("a_files/i.jpg", "Inner") + "</figure>")
    assert [p.caption for p in one(body=body).photos] == ["Outer"]


def test_the_lead_photo_repeated_in_the_gallery_is_one_photo():
    post = one(body=figure("a_files/1.jpg", "Lead") + figure("a_files/1.jpg", "Lead") + figure("a_files/1.jpg", "Other"))
    assert [(p.n, p.caption) for p in post.photos] == [(1, "Lead"), (2, "Other")]


def test_the_sites_name_is_cut_from_a_caption():
    post = one(meta("og:site_name", "Example News"), figure("a_files/1.jpg", "Parade — Example News"))
    assert post.photos[0].caption == "Parade"


def test_json_ld_fills_what_a_figure_lacks_by_its_address():
    ld = [{"@type": "NewsArticle", "image": [
        {"@type": "ImageObject", "contentUrl": "https://e.org/1.jpg", "caption": "From LD", "creditText": "TASS"},
        {"@type": "ImageObject", "url": "https://e.org/2.jpg", "caption": "Second",
         "copyrightNotice": "Public domain / Pfc. Smith"}]}]
    body = figure("a_files/2.jpg", None, 'data-src="https://e.org/2.jpg"') + figure(
        "a_files/1.jpg", None, 'data-src="https://e.org/1.jpg"')
    post = one(ld=ld, body=body)
    assert post.photos == [
        Photo(1, "Second", rights="Public domain", photographer="Pfc. Smith", image="a_files/2.jpg",
              url="https://e.org/2.jpg"),
        Photo(2, "From LD", agency="TASS", image="a_files/1.jpg", url="https://e.org/1.jpg")]


def test_json_ld_images_fill_figures_in_order_when_they_are_as_many():
    ld = [{"@type": "NewsArticle", "image": [{"@type": "ImageObject", "caption": "One", "url": "https://e.org/1"},
                                              {"@type": "ImageObject", "caption": "Two"}]}]
    post = one(ld=ld, body=figure("a_files/1.jpg", None) + figure("a_files/2.jpg", None))
    assert [(p.caption, p.url) for p in post.photos] == [("One", "https://e.org/1"), ("Two", None)]
    post = one(ld=ld, body=figure("a_files/1.jpg", None))
    assert [p.caption for p in post.photos] == [""]


def test_without_figures_the_photos_are_the_json_lds():
    ld = [{"@type": "NewsArticle", "image": [
        {"@type": "ImageObject", "contentUrl": "https://e.org/1.jpg", "caption": "One — Example News",
         "creditText": "© TASS"},
        {"@type": "ImageObject", "contentUrl": "https://e.org/1.jpg", "caption": "One again"},
        {"@type": "ImageObject", "caption": "No address"},
        {"@type": "ImageObject", "contentUrl": "ftp://e.org/x.jpg"},
        {"@type": "ImageObject", "caption": "No address"}],
        "publisher": {"name": "Example News", "logo": {"@type": "ImageObject", "url": "https://e.org/logo.png"}}}]
    post = one(ld=ld)
    assert post.photos == [Photo(1, "One", agency="TASS", url="https://e.org/1.jpg"), Photo(2, "No address")]


def test_an_image_gallery_described_twice_gives_each_photo_once():
    img = {"@type": "ImageObject", "contentUrl": "https://e.org/1.jpg", "caption": "One"}
    post = one(ld=[{"@type": "NewsArticle", "image": img}, {"@type": "ImageGallery", "associatedMedia": [img]}])
    assert post.photos == [Photo(1, "One", url="https://e.org/1.jpg")]


# JSON-LD that cannot be read

def test_json_ld_that_is_not_json_is_said_with_its_line():
    text = page("\n" + '<script type="application/ld+json">{"@type": </script>' + meta("og:title", "T"))
    [post] = parse(text)
    assert post.warnings == ["line 2: the page's JSON-LD is not valid JSON; not read"]
    assert post.title == "T"


def test_json_ld_nested_too_deeply_is_said():
    deep = "[" * 100_000 + "]" * 100_000
    [post] = parse(page(f'<script type=" Application/LD+JSON ">{deep}</script>'))
    assert post.warnings == ["line 1: the page's JSON-LD is nested too deeply to read; not read"]


def test_a_script_of_another_type_is_not_json_ld():
    post = one('<script type="application/json">{"@type": "NewsArticle", "headline": "No"}</script>')
    assert post.title == "" and post.warnings == []
