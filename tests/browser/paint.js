// Where a journey map page should show the emotion curve and the smileys, and in
// which colour; called by test_map_pages.py, which then reads those pixels from the
// page's screenshot. Returns page coordinates (as a full-page screenshot has them) of
// points in the part of the map the reader sees, with the colour of the cell behind them: the map's own scroll box clips the
// rest (a phone shows its first columns).
() => {
  const box = document.querySelector(".journey-map__scroll");
  if (!box) return { found: false, samples: [] };
  const seen = box.getBoundingClientRect();
  const left = Math.max(seen.left, 0) + 4, right = Math.min(seen.right, window.innerWidth) - 4;
  const inView = (x) => x >= left && x <= right;
  const samples = [];

  // Each smiley is a <use> of its score's symbol (the sprite before the map): the <use>
  // says where it is, the symbol's face what colour it has (the curve's pieces are uses too).
  const faces = Array.from(box.querySelectorAll("use[href*='journey-s']")).map((use) => {
    const r = use.getBoundingClientRect();
    const face = document.getElementById(use.getAttribute("href").slice(1)).querySelector(".journey-smiley > circle:first-child");
    return { face, x: r.left + r.width / 2, y: r.top + r.height / 2, cell: use.closest("td, th") };
  });
  for (const { face, x, y, cell } of faces) {
    // Left of the centre: inside the face, clear of the eyes, the mouth and the score.
    const at = x - 9;
    if (inView(at - 2) && inView(at + 2)) {
      samples.push({ kind: "smiley", x: at + window.scrollX, y: y + window.scrollY,
                     colour: parseColour(getComputedStyle(face).fill), behind: background(cell || face) });
    }
  }
  // A cell's piece of the curve is a <use> of a symbol of the sprite, stretched over the cell's svg:
  // the symbol's path, mapped from its viewBox onto that svg.
  for (const use of box.querySelectorAll("tr.journey-lane--emotion td > svg > use")) {
    const symbol = document.getElementById(use.getAttribute("href").slice(1));
    const path = symbol.querySelector(".journey-emotion__curve");
    if (!path) continue;
    const stroke = parseColour(getComputedStyle(path).stroke);
    if (!stroke) continue;
    const cell = use.closest("td, th");
    const behind = background(cell);
    const colour = blend(stroke, behind);
    const r = use.parentElement.getBoundingClientRect(), view = symbol.viewBox.baseVal;
    const length = path.getTotalLength();
    for (let i = 0; i <= 40; i++) {
      const p = path.getPointAtLength((length * i) / 40);
      const x = r.left + (p.x * r.width) / view.width, y = r.top + (p.y * r.height) / view.height;
      // Smileys, their rings, stars and scores sit on the curve; look between them.
      if (!inView(x) || faces.some((s) => Math.hypot(s.x - x, s.y - y) < 34)) continue;
      samples.push({ kind: "curve", x: x + window.scrollX, y: y + window.scrollY, colour, behind });
    }
  }
  return { found: true, samples };
}
