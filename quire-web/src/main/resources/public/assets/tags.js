// Tag suggestions for the search form's include and exclude fields, a progressive extra (the
// fields take typed names without it). As the reader types, the name after the last comma is
// sent to the field's data-suggest URL and the answers fill the field's datalist, each as the
// whole field's new value so that picking one keeps the names before it.
(function () {
  var fields = document.querySelectorAll("input[data-suggest]");
  Array.prototype.forEach.call(fields, function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    if (!list || !window.fetch) return;
    var timer = null;
    var asked = "";
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(suggest, 150);
    });

    function suggest() {
      var value = input.value;
      var cut = value.lastIndexOf(",");
      var before = cut < 0 ? "" : value.slice(0, cut + 1) + " ";
      var word = value.slice(cut + 1).trim();
      if (word.length < 2 || word === asked) return;
      asked = word;
      fetch(input.getAttribute("data-suggest") + "?q=" + encodeURIComponent(word), {
        credentials: "same-origin",
        headers: { Accept: "application/json" }
      })
        .then(function (r) { return r.ok ? r.json() : { tags: [] }; })
        .then(function (body) {
          if (asked !== word) return; // a later keystroke asked again
          var names = {};
          body.tags.forEach(function (t) { names[t.name] = (names[t.name] || 0) + 1; });
          while (list.firstChild) list.removeChild(list.firstChild);
          body.tags.forEach(function (t) {
            var option = document.createElement("option");
            // A name used by two kinds is given with its kind, so the pick is exact.
            option.value = before + (names[t.name] > 1 ? t.param : t.name);
            option.label = t.label;
            list.appendChild(option);
          });
        })
        .catch(function () {});
    }
  });
})();
