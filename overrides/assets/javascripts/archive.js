// The photo lightbox is CSS (:target); this only adds what keyboards expect: focus moves into an
// open photo, and Escape closes it and returns focus to the photo. And the search result line's total.
// On "On this day", today's date is marked; the root 404 page sends readers of /ru/ and /tr/ to the
// not-found page in their language. Nothing is fetched.
(function () {
  var config = document.getElementById("__config");
  var translations = (config && JSON.parse(config.textContent).translations) || {};
  // On this day: the section of today's month and day, if the archive remembers it.
  var now = new Date();
  var today = document.getElementById("md-" + String(now.getMonth() + 1).padStart(2, "0") + "-" +
                                      String(now.getDate()).padStart(2, "0"));
  if (today) {
    today.classList.add("today");
    if (translations["archive.today"]) today.setAttribute("aria-label", translations["archive.today"]);
  }
  // Not found: the root page (GitHub Pages serves it for every missing address) sends readers of /ru/ and
  // /tr/ to the page in their language, which then puts back the address they typed (?from=), so that
  // the address bar still shows it, and a reload or a copied link comes here again.
  var notFound = document.getElementById("archive-not-found");
  if (notFound) {
    var from = new URLSearchParams(location.search).get("from");
    var langs = notFound.getAttribute("data-languages");
    var m = langs && location.pathname.match(new RegExp("^(.*?\\/)(" + langs.split(" ").join("|") + ")\\/"));
    if (m && !/\/404\.html$/.test(location.pathname)) {
      location.replace(m[1] + m[2] + "/404.html?from=" +
                       encodeURIComponent(location.pathname + location.search + location.hash));
    } else if (from && from.charAt(0) === "/" && from.charAt(1) !== "/" && window.history.replaceState) {
      history.replaceState(null, "", from);
    }
  }
  // Material's search panel is a dialog without a name: name it after its input's label.
  var search = document.querySelector('.md-search[role="dialog"]');
  var input = document.querySelector(".md-search__input");
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
