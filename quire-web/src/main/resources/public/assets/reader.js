// Keyboard reading, a progressive extra (every page works without it): the left and right arrow
// keys follow the page's rel=prev / rel=next links, unless a form field has focus or the page
// scrolls sideways (zoomed in, the arrows are for scrolling). No letter keys: a single-letter
// shortcut fires on speech input and stray key presses (WCAG 2.1.4).
(function () {
  // A refused form: its message takes the focus, so keyboard and screen-reader users start there.
  document.addEventListener("DOMContentLoaded", function () {
    var error = document.getElementById("form-error");
    if (error) error.focus();
  });
  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(t.tagName))) return;
    var rel = e.key === "ArrowLeft" ? "prev" : e.key === "ArrowRight" ? "next" : null;
    if (!rel) return;
    var doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) return;
    var link = document.querySelector(".prev-next a[rel=" + rel + "], .series-line a[rel=" + rel + "]");
    if (link) {
      e.preventDefault();
      window.location.href = link.href;
    }
  });
})();
