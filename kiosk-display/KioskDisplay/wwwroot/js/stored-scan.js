// A stored scan on the staff pages (the scan page and its printable report): draws its pressure maps and wires
// the report's print button. A file, not inline script: the pages have a Content-Security-Policy.
import { drawStoredHeatmaps } from "./heatmap.js";

drawStoredHeatmaps();
document.getElementById("print")?.addEventListener("click", () => print());
