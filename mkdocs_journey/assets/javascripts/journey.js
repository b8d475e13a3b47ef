/*
 * mkdocs-journey: readers hide and show the lanes (rows) of a map.
 *
 * The lane list above each map is hidden in the page as written: without this script
 * (or with script off) every lane the author chose shows, and there is nothing to
 * click that does nothing. Material's instant navigation swaps pages without a new
 * load; it announces each page on `document$`, so the list is set up there (and on
 * DOMContentLoaded in other themes).
 */
(function () {
  "use strict";

  function apply(map, box) {
    var rows = map.querySelectorAll("tr.journey-lane--" + box.getAttribute("data-lane"));
    for (var i = 0; i < rows.length; i++) {
      rows[i].hidden = !box.checked;
    }
  }

  function setUp(root) {
    var lists = root.querySelectorAll("[data-journey-lanes]");
    for (var i = 0; i < lists.length; i++) {
      var list = lists[i];
      var journey = list.closest(".journey");
      var map = journey && journey.querySelector("table.journey-map");
      if (!map || list.getAttribute("data-journey-ready")) continue;
      list.setAttribute("data-journey-ready", "");
      var boxes = list.querySelectorAll("input[data-lane]");
      // A browser that restores form fields on "back" may bring back unticked boxes.
      for (var j = 0; j < boxes.length; j++) apply(map, boxes[j]);
      list.addEventListener("change", (function (table) {
        return function (event) {
          var box = event.target;
          if (box && box.matches && box.matches("input[data-lane]")) apply(table, box);
        };
      })(map));
      list.hidden = false;
    }
  }

  if (typeof window.document$ !== "undefined" && window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { setUp(document); });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { setUp(document); });
  } else {
    setUp(document);
  }
})();
