// Keyboard reading, a progressive extra (every page works without it): the left and right arrow
// keys follow the page's rel=prev / rel=next links, unless a form field has focus or the page
// scrolls sideways (zoomed in, the arrows are for scrolling). No letter keys: a single-letter
// shortcut fires on speech input and stray key presses (WCAG 2.1.4).
(function () {
  // A refused form's message, or what a button just did ("Thank you for leaving kudos!"), takes
  // the focus, so keyboard and screen-reader users hear it and start there (a live region present
  // as the page loads is not read out).
  document.addEventListener("DOMContentLoaded", function () {
    var message = document.getElementById("form-error") || document.getElementById("flash");
    if (message && !window.location.hash) message.focus();
  });
  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(t.tagName))) return;
    var rel = e.key === "ArrowLeft" ? "prev" : e.key === "ArrowRight" ? "next" : null;
    if (!rel) return;
    // Caret browsing (F7) moves the caret with the arrows.
    var sel = window.getSelection ? window.getSelection() : null;
    if (sel && sel.type === "Caret") return;
    var doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) return;
    var link = document.querySelector(".prev-next a[rel=" + rel + "], .series-line a[rel=" + rel + "]");
    if (link) {
      e.preventDefault();
      window.location.href = link.href;
    }
  });
})();
