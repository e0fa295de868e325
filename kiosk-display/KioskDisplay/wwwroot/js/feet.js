// Small SVG pictures of feet: the outline to stand on, and a footprint that shows an arch type.

// A left sole seen from above, toes up, inner (medial) side on the right; mirrored for the right foot.
const SOLE = "M48,258 C28,258 20,240 21,215 C22,190 26,165 24,140 C22,115 14,95 14,75 C14,52 30,40 52,40 " +
  "C74,40 88,50 88,72 C88,92 78,110 72,135 C68,155 74,185 74,212 C74,240 66,258 48,258 Z";
const TOES = [[76, 24, 11], [57, 19, 7.5], [43, 21, 6.5], [31, 26, 5.8], [21, 34, 5.2]];

const mirror = (right) => (right ? ` transform="translate(100,0) scale(-1,1)"` : "");
const toes = (attrs) => TOES.map(([x, y, r]) => `<circle cx="${x}" cy="${y}" r="${r}" ${attrs}/>`).join("");

/** The outline of a foot to stand on, with a label under it. */
export function footOutline(right, label) {
  return `<svg viewBox="0 0 100 290" class="foot-outline" role="img" aria-label="${label} foot outline">
    <g${mirror(right)}><path d="${SOLE}" class="outline"/>${toes('class="outline"')}</g>
    <text x="50" y="284" text-anchor="middle">${label}</text></svg>`;
}

/**
 * A footprint showing the arch: a flat foot prints the whole midfoot, a normal arch an outer band,
 * a high arch only a thin strip (the midfoot third of Cavanagh & Rodgers' arch index).
 */
export function archPicture(archType, right) {
  const band = { low: 46, normal: 24, high: 7 }[archType];
  const midfoot = band === undefined ? "" :
    `<rect x="${22}" y="120" width="${band}" height="80" rx="${Math.min(10, band / 2)}" class="print"/>`;
  const unknown = band === undefined ? `<text x="50" y="170" text-anchor="middle" class="unknown">?</text>` : "";
  return `<svg viewBox="0 0 100 270" class="arch-picture" role="img" aria-label="footprint: ${archType ?? "not clear"}">
    <g${mirror(right)}><path d="${SOLE}" class="outline faint"/>
    <ellipse cx="47" cy="225" rx="25" ry="30" class="print"/>
    <path d="M18,95 C18,65 40,55 55,55 C75,55 88,66 86,88 C85,108 76,122 72,128 L24,128 C20,118 18,108 18,95 Z" class="print"/>
    ${midfoot}${toes('class="print"')}</g>${unknown}</svg>`;
}
