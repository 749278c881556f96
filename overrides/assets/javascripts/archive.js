// The photo lightbox is CSS (:target); this only adds what keyboards expect: focus moves into an
// open photo, and Escape closes it and returns focus to the photo. Nothing is fetched.
(function () {
  // Material's search panel is a dialog without a name: name it after its input's label.
  var search = document.querySelector('.md-search[role="dialog"]');
  var input = document.querySelector(".md-search__input");
  if (search && input && !search.hasAttribute("aria-label")) {
    search.setAttribute("aria-label", input.getAttribute("aria-label") || input.getAttribute("placeholder") || "Search");
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
