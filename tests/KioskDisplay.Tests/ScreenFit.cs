using Microsoft.Playwright;

namespace Kiosk.Display.Tests;

/// <summary>
/// What of a page a person cannot see: every element and every piece of text under a root that lies outside the
/// viewport, or outside an ancestor that clips (overflow other than visible), or is cut inside its own box, and every
/// card whose content runs out of it (over the next card or the gap). Checks
/// each element, not the document's scroll size, since a page that clips scrolls nowhere and still hides things.
/// </summary>
public static class ScreenFit
{
    public sealed record Report(string[] Hidden, double SmallestTextPx, double DocumentHeight, double DocumentWidth);

    private const string Script = """
        (selector) => {
          const W = innerWidth, H = innerHeight, slack = 0.5, hidden = [];
          const root = document.querySelector(selector);
          const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "");
          const outside = (r, box) => r.left < box.left - slack || r.top < box.top - slack || r.right > box.right + slack || r.bottom > box.bottom + slack;
          const clips = (el) => { const s = getComputedStyle(el); return s.overflowX !== "visible" || s.overflowY !== "visible"; };
          const screen = { left: 0, top: 0, right: W, bottom: H };
          let smallest = Infinity;
          const check = (what, r, from) => {
            if (r.width === 0 && r.height === 0) return;
            if (outside(r, screen)) { hidden.push(`${what}: off the screen at ${Math.round(r.left)},${Math.round(r.top)}-${Math.round(r.right)},${Math.round(r.bottom)}`); return; }
            for (let a = from; a && a !== document.documentElement; a = a.parentElement) {
              if (clips(a) && outside(r, a.getBoundingClientRect())) { hidden.push(`${what}: clipped by ${name(a)}`); return; }
            }
          };
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
          for (let node = walker.currentNode; node; node = walker.nextNode()) {
            if (node.nodeType === Node.TEXT_NODE) {
              if (!node.textContent.trim() || !node.parentElement || node.parentElement.getClientRects().length === 0) continue;
              if (node.parentElement.closest("svg")) continue;
              const range = document.createRange();
              range.selectNodeContents(node);
              for (const r of range.getClientRects()) check(`text "${node.textContent.trim().slice(0, 40)}" in ${name(node.parentElement)}`, r, node.parentElement);
              smallest = Math.min(smallest, parseFloat(getComputedStyle(node.parentElement).fontSize));
              continue;
            }
            const el = node;
            if (el.getClientRects().length === 0 || (el.closest("svg") && el.tagName.toLowerCase() !== "svg")) continue;
            const tag = el.tagName.toLowerCase();
            if (["canvas", "svg", "img", "button", "input", "select"].includes(tag)) check(name(el), el.getBoundingClientRect(), el.parentElement);
            if (clips(el) && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1) && el !== document.body)
              hidden.push(`${name(el)}: content cut inside (${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight})`);
            else if (el.classList.contains("card") && el.scrollHeight > el.clientHeight + 2)
              hidden.push(`${name(el)}: content runs out of the card (${el.scrollHeight} in ${el.clientHeight})`);
          }
          return JSON.stringify({ hidden, smallestTextPx: Number.isFinite(smallest) ? smallest : 0, documentHeight: document.documentElement.scrollHeight, documentWidth: document.documentElement.scrollWidth });
        }
        """;

    public static async Task<Report> CheckAsync(IPage page, string selector) =>
        JsonSerializer.Deserialize<Report>(await page.EvaluateAsync<string>(Script, selector), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
}
