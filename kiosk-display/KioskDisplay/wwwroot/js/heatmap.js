// Pressure heatmap widget: draws a mat grid (loads in grams per sensel) on a <canvas>, upsampled bilinearly,
// coloured by pressure in kPa. Used live on the shopper page and for stored scans on the staff pages.

const G_TO_N = 0.00980665;

/** kPa on one sensel of the given pitch carrying the given grams. */
export const kpa = (grams, pitchMm) => (grams * G_TO_N) / (pitchMm * pitchMm * 1e-6) / 1000;

// Colour stops from no pressure (background) through blue, green, yellow to red.
const STOPS = [
  [0.0, [16, 28, 48]],
  [0.04, [30, 64, 160]],
  [0.25, [0, 150, 220]],
  [0.45, [40, 190, 110]],
  [0.65, [240, 220, 50]],
  [0.85, [245, 130, 30]],
  [1.0, [210, 30, 40]],
];

function buildLut() {
  const lut = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    const t = i / 255;
    let k = 1;
    while (k < STOPS.length - 1 && STOPS[k][0] < t) k++;
    const [t0, c0] = STOPS[k - 1];
    const [t1, c1] = STOPS[k];
    const f = Math.min(1, Math.max(0, (t - t0) / (t1 - t0)));
    const c = c0.map((v, j) => Math.round(v + (c1[j] - v) * f));
    lut[i] = (255 << 24) | (c[2] << 16) | (c[1] << 8) | c[0]; // little-endian RGBA
  }
  return lut;
}

const LUT = buildLut();

/** CSS gradient matching the colour scale, for the legend. */
export const legendGradient = () =>
  `linear-gradient(to right, ${STOPS.map(([t, c]) => `rgb(${c.join(",")}) ${Math.round(t * 100)}%`).join(", ")})`;

/** Below this a sensel is not in contact (the mat's own analysis: 2 kPa); drawn as the background, not as noise. */
export const CONTACT_KPA = 2;

/**
 * Creates a heatmap on the canvas. `scale` is canvas pixels per sensel; `maxKpa` the top of the colour scale.
 * Returns { draw(grid), frames } where grid = { rows, cols, pitchMm, loads }.
 */
export function createHeatmap(canvas, { scale = 8, maxKpa = 120 } = {}) {
  const ctx = canvas.getContext("2d");
  let image = null;
  let pixels = null;
  let contact = new Float32Array(0); // the loads with sub-contact noise cleared, reused frame to frame
  let frames = 0;

  function resize(rows, cols) {
    canvas.width = cols * scale;
    canvas.height = rows * scale;
    image = ctx.createImageData(canvas.width, canvas.height);
    pixels = new Uint32Array(image.data.buffer);
  }

  function draw(grid) {
    const { rows, cols, pitchMm, loads } = grid;
    if (!image || canvas.width !== cols * scale || canvas.height !== rows * scale) resize(rows, cols);
    const toIndex = (kpa(1, pitchMm) * 255) / maxKpa; // grams -> colour index
    const floorGrams = CONTACT_KPA / kpa(1, pitchMm);
    if (contact.length !== rows * cols) contact = new Float32Array(rows * cols);
    for (let i = 0; i < rows * cols; i++) contact[i] = loads[i] >= floorGrams ? loads[i] : 0;
    const w = canvas.width;
    const h = canvas.height;
    for (let y = 0; y < h; y++) {
      // sample at the pixel centre, in sensel coordinates (sensel centres at integer + 0.5)
      const gy = Math.min(rows - 1, Math.max(0, (y + 0.5) / scale - 0.5));
      const r0 = Math.floor(gy);
      const r1 = Math.min(rows - 1, r0 + 1);
      const fy = gy - r0;
      const row0 = r0 * cols;
      const row1 = r1 * cols;
      for (let x = 0; x < w; x++) {
        const gx = Math.min(cols - 1, Math.max(0, (x + 0.5) / scale - 0.5));
        const c0 = Math.floor(gx);
        const c1 = Math.min(cols - 1, c0 + 1);
        const fx = gx - c0;
        const top = contact[row0 + c0] + (contact[row0 + c1] - contact[row0 + c0]) * fx;
        const bottom = contact[row1 + c0] + (contact[row1 + c1] - contact[row1 + c0]) * fx;
        const grams = top + (bottom - top) * fy;
        pixels[y * w + x] = LUT[Math.min(255, Math.max(0, Math.round(grams * toIndex)))];
      }
    }
    ctx.putImageData(image, 0, 0);
    frames++;
    canvas.dataset.frames = String(frames);
  }

  return { draw, get frames() { return frames; }, maxKpa };
}

/** Fills a legend element: gradient bar with kPa ticks (positions set through the CSSOM: the pages have a CSP). */
export function renderLegend(element, maxKpa = 120, unit = "pressure, kPa") {
  const stops = [0, 1 / 3, 2 / 3, 1];
  element.innerHTML = `<div class="legend-bar"></div>
    <div class="legend-ticks">${stops.map((t) => `<span>${Math.round(t * maxKpa)}</span>`).join("")}</div><div class="legend-unit"></div>`;
  element.querySelector(".legend-bar").style.background = legendGradient();
  element.querySelectorAll(".legend-ticks span").forEach((tick, i) => { tick.style.left = `${stops[i] * 100}%`; });
  element.querySelector(".legend-unit").textContent = unit;
}

/** Draws every canvas[data-grid] on the page (staff pages: stored scans). */
export function drawStoredHeatmaps() {
  for (const canvas of document.querySelectorAll("canvas[data-grid]")) {
    const map = createHeatmap(canvas, { scale: 6 });
    map.draw(JSON.parse(canvas.dataset.grid));
  }
  for (const legend of document.querySelectorAll("[data-legend]")) renderLegend(legend);
}
