// Measures the text a reader sees on a journey map page; called by test_map_pages.py.
// Returns one record per visible piece of text inside `.journey`: which element
// holds it, the boxes its glyphs occupy, its effective font size and its colours.
() => {
  const root = document.querySelector(".journey");
  if (!root) return { found: false, items: [] };

  const hidden = (element) => {
    if (element.closest(".journey-sr, [hidden], [aria-hidden='true'] title, title")) return true;
    // Inside a closed <details> (content-visibility: hidden in Chromium) nothing is shown.
    if (element.checkVisibility && !element.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return true;
    for (let e = element; e && e !== document.body; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.display === "none" || style.visibility === "hidden" || Number(style.opacity) === 0) return true;
    }
    return false;
  };

  // The part of the page where an element's text can show: its own box and its
  // ancestors' boxes clip it when their overflow is hidden (line clamps, ellipses).
  // Scroll boxes do not count: what they scroll out of view is still on the map.
  const clipOf = (element) => {
    let clip = { left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity };
    for (let e = element; e && e !== document.body; e = e.parentElement) {
      const style = getComputedStyle(e);
      const clips = (value) => value === "hidden" || value === "clip";
      if (!clips(style.overflowX) && !clips(style.overflowY)) continue;
      const r = e.getBoundingClientRect();
      if (clips(style.overflowX)) clip = { ...clip, left: Math.max(clip.left, r.left), right: Math.min(clip.right, r.right) };
      if (clips(style.overflowY)) clip = { ...clip, top: Math.max(clip.top, r.top), bottom: Math.min(clip.bottom, r.bottom) };
    }
    return clip;
  };

  const items = [];
  const elements = Array.from(root.querySelectorAll("*"));
  elements.forEach((element, index) => element.setAttribute("data-measure-id", String(index)));
  for (const element of elements) {
    const ownText = Array.from(element.childNodes).filter(
      (n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim() !== "",
    );
    if (ownText.length === 0 || hidden(element)) continue;
    const style = getComputedStyle(element);
    const isSvg = element instanceof SVGElement;
    let boxes = [];
    let fontSize = parseFloat(style.fontSize);
    if (isSvg) {
      const r = element.getBoundingClientRect();
      boxes = [{ x: r.left, y: r.top, w: r.width, h: r.height }];
      const ctm = element.getScreenCTM();
      if (ctm) fontSize *= Math.hypot(ctm.a, ctm.b);
    } else {
      for (const node of ownText) {
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) boxes.push({ x: r.left, y: r.top, w: r.width, h: r.height });
      }
    }
    const clip = clipOf(element);
    boxes = boxes.map((b) => {
      const left = Math.max(b.x, clip.left), top = Math.max(b.y, clip.top);
      const right = Math.min(b.x + b.w, clip.right), bottom = Math.min(b.y + b.h, clip.bottom);
      return { x: left, y: top, w: right - left, h: bottom - top };
    });
    boxes = boxes.filter((b) => b.w > 0.5 && b.h > 0.5).map((b) => ({
      x: b.x + window.scrollX, y: b.y + window.scrollY, w: b.w, h: b.h,
    }));
    if (boxes.length === 0) continue;
    const ancestors = [];
    for (let e = element.parentElement; e && e !== root; e = e.parentElement) {
      const id = e.getAttribute("data-measure-id");
      if (id !== null) ancestors.push(Number(id));
    }
    items.push({
      id: Number(element.getAttribute("data-measure-id")),
      ancestors,
      tag: element.tagName.toLowerCase(),
      cls: (element.getAttribute("class") || "").toString(),
      text: ownText.map((n) => n.textContent.trim()).join(" ").slice(0, 60),
      svg: isSvg,
      boxes,
      fontSize,
      colour: isSvg ? parseColour(style.fill) : parseColour(style.color),
      background: isSvg ? null : background(element),
    });
  }
  return { found: true, items };
}
