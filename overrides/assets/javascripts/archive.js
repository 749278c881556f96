// The photo lightbox is CSS (:target); this only adds what keyboards expect: focus moves into an
// open photo, and Escape closes it and returns focus to the photo. And the search result line's total.
// Nothing is fetched.
(function () {
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
  var config = document.getElementById("__config");
  var more = config && (JSON.parse(config.textContent).translations || {})["archive.search.more"];
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
