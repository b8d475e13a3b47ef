// Colour helpers shared by measure.js and paint.js; test_map_pages.py puts them at
// the top of each script's function body, so both judge colours the same way.
const parseColour = (text) => {
  const m = (text || "").match(/rgba?\(([^)]+)\)/);
  if (!m) return null;
  const parts = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
  return { r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1 };
};
// `top` (with its alpha) over the opaque colour `below`.
const blend = (top, below) => ({
  r: top.r * top.a + below.r * (1 - top.a),
  g: top.g * top.a + below.g * (1 - top.a),
  b: top.b * top.a + below.b * (1 - top.a),
});
// The colour behind an element: its ancestors' backgrounds composited from the page down.
const background = (element) => {
  const layers = [];
  for (let e = element; e; e = e.parentElement) {
    const colour = parseColour(getComputedStyle(e).backgroundColor);
    if (colour && colour.a > 0) {
      layers.push(colour);
      if (colour.a >= 1) break;
    }
  }
  let result = { r: 255, g: 255, b: 255 };
  for (const layer of layers.reverse()) result = blend(layer, result);
  return result;
};
