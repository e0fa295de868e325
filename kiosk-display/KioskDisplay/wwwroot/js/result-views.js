// The result's views ("essentials", "questions", then "more"): each fits the screen without scrolling, and the page moves
// between them by itself, so a kiosk without a touch screen shows everything; a tap on the footer's button goes to
// the other view at once and holds it a little longer.

/** How long each view stays before the page moves on by itself, and after a tap. */
export const DWELL_MS = { essentials: 20000, questions: 15000, more: 15000, afterTap: 40000 };
/** The page shrinks its type to SHRINK_BEFORE_MOVING before it moves a product to the second view, and never below MIN_FIT. */
export const SHRINK_BEFORE_MOVING = 0.88;
export const MIN_FIT = 0.8;

/** True when an element with something to show lies outside the view, is cut off inside itself, or runs out of its card. */
export function overflows(view) {
  const box = view.getBoundingClientRect();
  for (const element of view.querySelectorAll("*")) {
    if (element.getClientRects().length === 0) continue; // not shown
    const r = element.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.top < box.top - 1 || r.left < box.left - 1 || r.bottom > box.bottom + 1 || r.right > box.right + 1) return true;
    // a box that clips, or a card whose content runs out of it (a grid row can be shorter than what it holds)
    if (element.scrollHeight > element.clientHeight + 2 && (getComputedStyle(element).overflowY !== "visible" || element.classList.contains("card"))) return true;
  }
  return false;
}

/**
 * Wires the views of the result section. `moveOne()` is called when a view does not fit even at MIN_FIT: it
 * moves one item to the second view and returns true, or returns false when there is nothing left to move.
 */
export function createResultViews(section, { moveOne = () => false } = {}) {
  const views = [...section.querySelectorAll(".view")];
  const names = views.map((v) => v.dataset.view);
  const next = section.querySelector("#next-view");
  const bar = section.querySelector("#view-timer-bar");
  let current = names[0];
  let timer = null;
  let tappedAt = -Infinity; // the shopper's last tap anywhere on the result (a view change, an answer)

  function setFit(value) {
    section.style.setProperty("--fit", value.toFixed(2));
  }

  /** Sets the largest --fit from `from` down to `to` at which the view fits; true when one does. */
  function shrink(view, from, to) {
    for (let value = from; value >= to - 0.001; value -= 0.04) {
      setFit(value);
      if (!overflows(view)) return true;
    }
    return false;
  }

  /**
   * Fits the view: the type shrinks a little; if that is not enough, items move to the next view (the first view
   * keeps what it can at a readable size); only when nothing is left to move does the type shrink further.
   */
  function fit(view) {
    const first = view === views[0];
    while (!shrink(view, 1, SHRINK_BEFORE_MOVING)) {
      if (!(first && moveOne())) {
        shrink(view, SHRINK_BEFORE_MOVING, MIN_FIT);
        return;
      }
    }
  }

  function show(name) {
    current = name;
    for (const view of views) view.hidden = view.dataset.view !== name;
    const index = names.indexOf(name);
    next.textContent = next.dataset[index === names.length - 1 ? "back" : "forward"] ?? next.textContent;
    section.dataset.view = name;
    fit(views[index]);
  }

  /** The bar under the footer fills over `ms`; CSSOM, not a style attribute (the page has a CSP). */
  function fillBar(ms) {
    bar.style.transition = "none";
    bar.style.width = "0";
    void bar.offsetWidth;
    bar.style.transition = `width ${ms}ms linear`;
    bar.style.width = "100%";
  }

  function schedule(ms) {
    clearTimeout(timer);
    fillBar(ms);
    timer = setTimeout(() => {
      const following = names[(names.indexOf(current) + 1) % names.length];
      show(following);
      schedule(DWELL_MS[following]);
    }, ms);
  }

  function go(name, held) {
    show(name);
    schedule(held ? DWELL_MS.afterTap : DWELL_MS[name]);
  }

  next.addEventListener("click", () => go(names[(names.indexOf(current) + 1) % names.length], true));
  section.addEventListener("click", () => { tappedAt = performance.now(); });
  addEventListener("resize", () => { if (!section.hidden) fit(views[names.indexOf(current)]); });

  return {
    /** Shows the first view and starts moving on by itself. */
    start() { go(names[0], false); },
    stop() { clearTimeout(timer); },
    /** Fits the view shown now again (after its content changed). */
    refit() { fit(views[names.indexOf(current)]); },
    /** Shows a view now and holds it as after a tap. */
    go(name) { go(name, true); },
    /**
     * Shows a view and keeps it, moving on no more; the bar fills over `ms` (the time it has left on the screen). A
     * shopper who tapped to another view a moment ago (often just stepped off to answer the questions) keeps it for the
     * rest of a tap's dwell before the held view comes: the screen does not jump away under their finger.
     */
    hold(name, ms) {
      clearTimeout(timer);
      const sinceTapMs = performance.now() - tappedAt;
      if (name !== current && sinceTapMs < DWELL_MS.afterTap) {
        timer = setTimeout(() => show(name), DWELL_MS.afterTap - sinceTapMs);
      } else {
        show(name);
      }
      fillBar(ms);
    },
    get current() { return current; },
  };
}
