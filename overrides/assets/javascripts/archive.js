// The photo lightbox is CSS (:target); this only adds what keyboards expect: focus moves into an
// open photo, and Escape closes it and returns focus to the photo. Nothing is fetched.
(function () {
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
