// The stored scan's heatmaps on the staff's scan page and the printable report, and the report's print button.
// A file, not an inline script: the pages' Content-Security-Policy runs script from the display's own files only.
import { drawStoredHeatmaps } from "/js/heatmap.js";

drawStoredHeatmaps();
document.getElementById("print")?.addEventListener("click", () => print());
