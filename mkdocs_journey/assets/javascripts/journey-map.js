/*
 * mkdocs-journey: readers hide and show the lanes (rows) of a map, and a map prints
 * in parts that fit the paper.
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

  /*
   * The list as written holds its legend only: a box per row of the map's body (the lanes the author
   * chose, in their order), labelled by the row's label, is added here (class journey-lanes__lane).
   */
  function addBoxes(list, map) {
    var rows = map.tBodies[0] ? map.tBodies[0].rows : [];
    for (var r = 0; r < rows.length; r++) {
      var lane = "";
      for (var c = 0; c < rows[r].classList.length; c++) {
        var name = rows[r].classList[c];
        if (name.indexOf("journey-lane--") === 0) lane = name.slice(14);
      }
      if (!lane) continue;
      var label = document.createElement("label");
      label.className = "journey-lanes__lane";
      var box = document.createElement("input");
      box.type = "checkbox";
      box.setAttribute("data-lane", lane);
      box.checked = true;
      box.defaultChecked = true;
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + rows[r].cells[0].textContent));
      list.appendChild(label);
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
      if (!list.querySelector("input[data-lane]")) addBoxes(list, map);
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

  /*
   * Print: paper cannot scroll sideways, so just before the page prints the map is
   * copied into parts of at most PER_PART columns (balanced: 14 print as 7 + 7), each
   * with its stage headers (cut to the part's columns) and lane labels, shown in
   * print only (journey.css) and removed after printing. The copies carry no ids.
   */
  var PER_PART = 7;

  function copyRow(row, start, end) {
    var copy = row.cloneNode(false);
    copy.appendChild(row.cells[0].cloneNode(true));
    var column = 0;
    for (var c = 1; c < row.cells.length; c++) {
      var cell = row.cells[c];
      var span = cell.colSpan || 1;
      var from = Math.max(column, start);
      var to = Math.min(column + span, end);
      if (to > from) {
        var clone = cell.cloneNode(true);
        if (span > 1) clone.colSpan = to - from;
        if (from > column) clone.classList.add("journey-stage--continued");
        copy.appendChild(clone);
      }
      column += span;
    }
    return copy;
  }

  function printParts(journey) {
    var table = journey.querySelector("table.journey-map");
    var names = table && table.querySelector("tr.journey-lane--touchpoint");
    if (!names || journey.querySelector(".journey-print-map")) return;
    var count = names.cells.length - 1;
    if (count < 1) return;
    var size = Math.ceil(count / Math.ceil(count / PER_PART));
    var box = document.createElement("div");
    box.className = "journey-print-map";
    for (var start = 0; start < count; start += size) {
      var end = Math.min(count, start + size);
      var part = document.createElement("table");
      part.className = "journey-print-map__part";
      var columns = document.createElement("colgroup");
      for (var n = 0; n <= end - start; n++) {
        var col = document.createElement("col");
        if (n === 0) col.className = "journey-print-map__lane-column";
        columns.appendChild(col);
      }
      part.appendChild(columns);
      var sections = [table.tHead, table.tBodies[0]];
      for (var s = 0; s < sections.length; s++) {
        if (!sections[s]) continue;
        var section = document.createElement(sections[s].tagName.toLowerCase());
        for (var r = 0; r < sections[s].rows.length; r++) {
          section.appendChild(copyRow(sections[s].rows[r], start, end));
        }
        part.appendChild(section);
      }
      var named = part.querySelectorAll("[id]");
      for (var k = 0; k < named.length; k++) named[k].removeAttribute("id");
      box.appendChild(part);
    }
    var scroll = table.closest(".journey-map__scroll") || table;
    scroll.parentNode.insertBefore(box, scroll.nextSibling);
  }

  window.addEventListener("beforeprint", function () {
    var maps = document.querySelectorAll(".journey");
    for (var i = 0; i < maps.length; i++) printParts(maps[i]);
  });

  window.addEventListener("afterprint", function () {
    var copies = document.querySelectorAll(".journey-print-map");
    for (var i = 0; i < copies.length; i++) copies[i].parentNode.removeChild(copies[i]);
  });

  if (typeof window.document$ !== "undefined" && window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { setUp(document); });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { setUp(document); });
  } else {
    setUp(document);
  }
})();
