/* mkdocs-journey: the filter of the backlog across maps (the overview page).
 *
 * Without JavaScript the filter links filter one owner, team or status at a time
 * (CSS :target). Here the three menus combine them. Material's instant navigation
 * swaps pages without a reload, so the setup runs on each page through its
 * `document$` observable; other themes run it once the page has loaded.
 */
(function () {
  "use strict";

  function setup() {
    var forms = document.querySelectorAll("form[data-journey-filters]");
    Array.prototype.forEach.call(forms, function (form) {
      var root = form.closest(".journey-overview") || document;
      var items = root.querySelectorAll(".journey-portfolio-backlog > li");
      var output = form.querySelector("output");
      var template = form.getAttribute("data-count") || "";

      function apply() {
        var wanted = Array.prototype.map.call(form.querySelectorAll("select"), function (select) {
          return select.value;
        }).filter(Boolean);
        var shown = 0;
        Array.prototype.forEach.call(items, function (item) {
          var match = wanted.every(function (name) { return item.classList.contains(name); });
          item.hidden = !match;
          if (match) shown += 1;
        });
        if (output) {
          output.textContent = wanted.length
            ? template.replace("{shown}", String(shown)).replace("{total}", String(items.length))
            : "";
        }
      }

      form.hidden = false;
      form.addEventListener("change", apply);
      form.addEventListener("submit", function (event) { event.preventDefault(); });
      apply();
    });
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
