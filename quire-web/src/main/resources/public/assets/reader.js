// Keyboard reading, a progressive extra (every page works without it): the left and right arrow
// keys (or "j"/"k") follow the page's rel=prev / rel=next links, unless a form field has focus.
(function () {
  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(t.tagName))) return;
    var rel = e.key === "ArrowLeft" || e.key === "k" ? "prev"
      : e.key === "ArrowRight" || e.key === "j" ? "next" : null;
    if (!rel) return;
    var link = document.querySelector(".prev-next a[rel=" + rel + "], .series-line a[rel=" + rel + "]");
    if (link) {
      e.preventDefault();
      window.location.href = link.href;
    }
  });
})();
