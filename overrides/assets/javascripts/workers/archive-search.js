// Material's search worker, answered by Pagefind. Material's search box, result list and keyboard
// handling stay; they talk to a worker by messages (SETUP -> READY, QUERY -> RESULT). This worker answers
// them from the language's Pagefind index (<lang>/pagefind/, written by scripts/site_search.py), which
// loads only the index chunks and result fragments a query needs. Nothing is fetched until the first key
// press, and every address is resolved from this file's own, so the site works under a sub-path.
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var shown = 20; // results listed (each needs one fragment): the best, by Pagefind's ranking; from the stub
var EXCERPT_WORDS = 24;
// This file is <site>/assets/javascripts/workers/archive-search.js.
var siteRoot = new URL("../../../", self.location.href);
var langRoot = null; // <site>/ or <site>/<lang>/, from the search index stub's config
var cacheTag = ""; // changes with the language's Pagefind index, from the stub
var pagefind = null; // a promise of the initialised Pagefind module
var latest = 0; // the newest query: answers to older ones are dropped
var pageLang = "en"; // for the result's date: the language root's code (en at the site root)

function load() {
  if (!pagefind) {
    pagefind = import(new URL("pagefind/pagefind.js", langRoot).href).then(function (module) {
      // The entry file is fetched with a cache-busting stamp unless given one: the build's, from the stub.
      return module.options({ metaCacheTag: cacheTag }).then(function () {
        return module.init();
      }).then(function () { return module; });
    });
    pagefind.catch(function () { pagefind = null; }); // try again at the next query
  }
  return pagefind;
}

function escapeHTML(text) {
  return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

// A matched word marked as Material marks it, leaving punctuation around it outside the mark.
function mark(word) {
  var m = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(word);
  return escapeHTML(m[1]) + "<mark data-md-highlight>" + escapeHTML(m[2]) + "</mark>" + escapeHTML(m[3]);
}

function bare(word) {
  return word.replace(/<[^>]*>/g, "").replace(/&[a-z]+;|&#\d+;/g, "").replace(/[^\p{L}\p{N}]+/gu, "").toLowerCase();
}

// The words of a result's text and where the text proper starts: Pagefind's content opens with the
// title (the page's h1), which Material shows apart, so the excerpt is taken from what follows.
function excerpt(data, words, skip) {
  var hits = data.locations.filter(function (l) { return l >= skip; }).sort(function (a, b) { return a - b; });
  var start = skip, best = -1;
  hits.forEach(function (l) {
    var from = Math.max(skip, l - 4), n = 0;
    hits.forEach(function (m) { if (m >= from && m < from + EXCERPT_WORDS) n++; });
    if (n > best) { best = n; start = from; }
  });
  var marked = {};
  hits.forEach(function (l) { marked[l] = true; });
  var out = [];
  for (var i = start; i < Math.min(words.length, start + EXCERPT_WORDS); i++) {
    out.push(marked[i] ? mark(words[i]) : escapeHTML(words[i]));
  }
  return (start > skip ? "… " : "") + out.join(" ") + (start + EXCERPT_WORDS < words.length ? " …" : "");
}

// One result in Material's shape: a group holding one document (the post; Material would list its
// sections after it). `terms` feeds Material's highlight on the page the reader opens (?h=...): the
// words the reader typed and the forms Pagefind matched through their stem ("Эльба" -> "Эльбе").
// A Turkish word lowercased the Turkish way, without Turkish letters (scripts/site/search_terms.py).
function fold(word) {
  return word.replace(/I/g, "ı").replace(/İ/g, "i").toLowerCase().replace(/[ıîï]/g, "i").replace(/ş/g, "s")
    .replace(/ğ/g, "g").replace(/ç/g, "c").replace(/ö/g, "o").replace(/ü/g, "u").replace(/â/g, "a").replace(/û/g, "u");
}

// Turkish pages end their indexed text with the folded forms of their words, after FOLD_MARK: a hit
// there ("kizil") stands for the words of the text that fold to it ("Kızıl"), which are shown marked.
var FOLD_MARK = "zzfoldzz";
function unfold(data, words) {
  var mark = -1;
  for (var i = words.length - 1; i >= 0; i--) { if (bare(words[i]).indexOf(FOLD_MARK) >= 0) { mark = i; break; } }
  if (mark < 0) return { words: words, locations: data.locations };
  var text = words.slice(0, mark), folded = {};
  data.locations.forEach(function (l) { if (l > mark) folded[fold(bare(words[l] || ""))] = true; });
  var locations = data.locations.filter(function (l) { return l < mark; });
  text.forEach(function (w, i) { if (folded[fold(bare(w))] && locations.indexOf(i) < 0) locations.push(i); });
  return { words: text, locations: locations };
}

// The result's date (in the page's language) and source, from the page's Pagefind metadata.
function metaLine(meta) {
  var parts = [];
  if (meta.date) {
    var d = new Date(meta.date + "T12:00:00Z");
    parts.push(isNaN(d) ? meta.date : new Intl.DateTimeFormat(pageLang, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }).format(d));
  }
  if (meta.source) parts.push(meta.source);
  return parts.length ? '<p class="search-meta">' + escapeHTML(parts.join(" · ")) + "</p>" : "";
}

function item(data, score, typed) {
  var unfolded = unfold(data, data.content.split(/[\r\n\s]+/g)); // as Pagefind counts word locations
  var words = unfolded.words;
  data = { content: data.content, locations: unfolded.locations, anchors: data.anchors, meta: data.meta, raw_url: data.raw_url };
  var h1 = (data.anchors || []).filter(function (a) { return a.element === "h1" && a.location === 0; })[0];
  var skip = h1 ? h1.text.split(/\s+/).filter(Boolean).length : 0;
  var matched = {};
  data.locations.forEach(function (i) { var w = bare(words[i] || ""); if (w) matched[w] = true; });
  var terms = {};
  typed.concat(Object.keys(matched)).forEach(function (w) { terms[w] = true; });
  var title = (data.meta.title || "").split(/(\s+)/).map(function (w) {
    return matched[bare(w)] ? mark(w) : escapeHTML(w);
  }).join("");
  return [{
    location: new URL(data.raw_url.replace(/^\//, ""), langRoot).href,
    title: title,
    text: metaLine(data.meta || {}) + "<p>" + excerpt(data, words, skip) + "</p>",
    score: score,
    terms: terms
  }];
}

function answer(id, items) {
  if (id === latest) self.postMessage({ type: RESULT, data: { items: items } });
}

function query(id, value) {
  var words = value.toLowerCase().split(/\s+/).map(bare).filter(Boolean);
  if (!words.length) return answer(id, []);
  load().then(function (module) {
    return id === latest ? module.search(value) : null; // typed on while Pagefind loaded
  }).then(function (found) {
    if (!found || id !== latest) return; // the reader typed on: do not load this query's fragments
    var best = found.results.slice(0, shown);
    return Promise.all(best.map(function (r) { return r.data(); })).then(function (data) {
      var items = data.map(function (d, i) { return item(d, best[i].score, words); });
      if (found.results.length > best.length) {
        // Material counts the results it gets: the true total rides along, hidden, for archive.js to
        // write on the result line ("2,143 matching documents, the best 20 shown").
        items[0][0].title += '<span hidden data-search-total="' + found.results.length + '" data-search-shown="' +
          best.length + '"></span>';
      }
      answer(id, items);
    });
  }).catch(function (error) {
    console.error("archive search:", error);
    answer(id, []);
  });
}

self.addEventListener("message", function (event) {
  var message = event.data;
  if (message.type === SETUP) {
    langRoot = new URL(message.data.config.lang_root || "", siteRoot);
    pageLang = (message.data.config.lang && message.data.config.lang[0]) || (message.data.config.lang_root || "en").replace(/\/$/, "") || "en";
    cacheTag = message.data.config.pagefind_tag || "";
    shown = message.data.config.shown || shown;
    self.postMessage({ type: READY });
  } else if (message.type === QUERY) {
    query(++latest, message.data);
  }
});
