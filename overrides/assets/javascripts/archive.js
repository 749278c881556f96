// The photo lightbox is CSS (:target); this only adds what keyboards expect: focus moves into an
// open photo, and Escape closes it and returns focus to the photo. And the search result line's total.
// On "On this day", today's date is marked and the nearest date with posts named; the root 404 page
// shows readers of /ru/ and /tr/ the not-found page in their language (the one thing fetched here).
(function () {
  var config = document.getElementById("__config");
  var translations = (config && JSON.parse(config.textContent).translations) || {};
  // On this day: the section of today's month and day is marked, and a line above the list says
  // today's date and, when no post remembers it, the nearest date that has posts (by the reader's
  // clock: nothing is fetched).
  var now = new Date();
  var key = function (m, d) { return "md-" + String(m).padStart(2, "0") + "-" + String(d).padStart(2, "0"); };
  var days = document.querySelectorAll("section.on-this-day[id^='md-']");
  if (days.length) {
    var lang = document.documentElement.lang || "en";
    var todayText = new Intl.DateTimeFormat(lang, { day: "numeric", month: "long" }).format(now);
    var today = document.getElementById(key(now.getMonth() + 1, now.getDate()));
    var line = document.createElement("p");
    line.className = "on-this-day-today";
    if (today) {
      today.classList.add("today");
      if (translations["archive.today"]) today.setAttribute("aria-label", translations["archive.today"]);
      line.textContent = (translations["archive.today_has_posts"] || "{date}").replace("{date}", todayText);
    } else {
      // The distance in days within a year, either way round (a leap year, so 29 February counts).
      var ordinal = function (m, d) { return (Date.UTC(2000, m - 1, d) - Date.UTC(2000, 0, 1)) / 864e5; };
      var here = ordinal(now.getMonth() + 1, now.getDate());
      var best = null, bestGap = 400;
      days.forEach(function (section) {
        var parts = section.id.split("-");
        var diff = ordinal(Number(parts[1]), Number(parts[2])) - here;
        var gap = Math.min(Math.abs(diff), 366 - Math.abs(diff));
        if (gap < bestGap || (gap === bestGap && diff > 0)) { best = section; bestGap = gap; }
      });
      line.textContent = (translations["archive.today_no_posts"] || "{date}").replace("{date}", todayText) + " ";
      var sentence = translations["archive.nearest_day"] || "{date}";
      var at = sentence.indexOf("{date}");
      var link = document.createElement("a");
      link.href = "#" + best.id;
      var heading = best.querySelector("h2");
      link.textContent = heading ? heading.textContent.trim() : best.id;
      line.appendChild(document.createTextNode(sentence.slice(0, at)));
      line.appendChild(link);
      line.appendChild(document.createTextNode(sentence.slice(at + 6)));
    }
    days[0].parentNode.insertBefore(line, days[0]);
  }
  // Not found: GitHub Pages serves the root page for every missing address. A reader of /ru/ or /tr/
  // gets the page in their language in place of this one, at the address they typed (nothing is
  // navigated, so the address bar, a reload and the back button keep it). The language page's links
  // are absolute paths, so they work from any address.
  var notFound = document.getElementById("archive-not-found");
  var langs = notFound && notFound.getAttribute("data-languages");
  var m = langs && location.pathname.match(new RegExp("^(.*?\\/)(" + langs.split(" ").join("|") + ")\\/"));
  if (m && window.fetch) {
    fetch(m[1] + m[2] + "/404.html").then(function (response) {
      return response.ok ? response.text() : null;
    }).then(function (text) {
      if (!text) return;
      document.open();
      document.write(text);
      document.close();
    }, function () {});
  }
  // Material's search panel is a dialog without a name: name it after its input's label.
  var search = document.querySelector('.md-search[role="dialog"]');
  var input = document.querySelector(".md-search__input");
  // Material runs a query on key-up: text pasted with the mouse, composed by an IME, dictated or
  // dropped comes with an input event and no key. Each input event is passed on as a key-up (Material
  // drops a value it has already searched).
  if (input) {
    input.addEventListener("input", function (event) {
      if (!event.isComposing) input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    });
    input.addEventListener("compositionend", function () {
      input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    });
  }
  if (search && input && !search.hasAttribute("aria-label")) {
    search.setAttribute("aria-label", input.getAttribute("aria-label") || input.getAttribute("placeholder") || "Search");
  }
  // Search lists the best results only (archive-search.js); the first one carries the total, which
  // goes on Material's result line in place of the count of listed results.
  var list = document.querySelector(".md-search-result__list");
  var meta = document.querySelector(".md-search-result__meta");
  var more = translations["archive.search.more"];
  if (list && meta && more && window.MutationObserver) {
    new MutationObserver(function () {
      var total = list.querySelector("[data-search-total]");
      if (total) {
        var n = Number(total.getAttribute("data-search-total")).toLocaleString(document.documentElement.lang);
        meta.textContent = more.replace("{total}", n).replace("#", total.getAttribute("data-search-shown"));
      }
    }).observe(list, { childList: true });
  }
  // A wide table scrolls sideways in Material's wrapper: a keyboard reader must be able to focus it
  // to scroll it (the status page's table on a phone).
  // Material wraps the tables from its own script: looked for once the page has loaded.
  window.addEventListener("load", function () {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth && !wrap.hasAttribute("tabindex")) wrap.setAttribute("tabindex", "0");
    });
  });
  function opened() { return location.hash.indexOf("#view-") === 0 ? document.getElementById(location.hash.slice(1)) : null; }
  window.addEventListener("hashchange", function () {
    var box = opened();
    if (box) { var close = box.querySelector(".lightbox-close"); if (close) close.focus(); }
    else if (location.hash.indexOf("#photo-") === 0) {
      var link = document.querySelector(location.hash + " .photo-open"); if (link) link.focus();
    }
  });
  document.addEventListener("keydown", function (event) {
    var box = opened();
    if (box && event.key === "Escape") { location.hash = "#photo-" + box.id.slice(5); }
  });
})();
