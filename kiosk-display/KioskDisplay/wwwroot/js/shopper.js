// The shopper page: follows the mat through Server-Sent Events (idle -> standing -> result -> idle)
// and shows only the result of the shopper who is on the mat now.
import { createHeatmap, renderLegend } from "./heatmap.js";
import { footOutline, archPicture } from "./feet.js";
import { loadLocale, t, has, translatePage, money, number } from "./i18n.js";
import { createResultViews } from "./result-views.js";

const ACTIVITIES = ["everyday", "walking", "running", "standing", "dress"];
/** Products on the first view; the rest (and any that do not fit) go to the second. */
const ESSENTIAL_PRODUCTS = 3;

const $ = (id) => document.getElementById(id);
const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const heatmap = createHeatmap($("heatmap"));
const footprint = createHeatmap($("footprint"), { scale: 5 });
// latencyMs: server send -> drawn, rolling average. samples: frame left the mat (the virtual mat; a real mat: off its link) -> drawn, ms, the last 2000.
const stats = { frames: 0, latencyMs: 0, samples: [], dropped: 0 };
window.kioskStats = stats;

let session = null;    // the session on the mat now
let result = null;     // its result, once it arrives
let pendingFrame = null;
let countdownTimer = null;
let views = null;

function show(screen) {
  $("kiosk").dataset.screen = screen;
  delete $("kiosk").dataset.held;
  for (const id of ["idle", "live", "result"]) $(id).hidden = id !== screen;
  if (screen !== "result") views?.stop();
}

function goIdle() {
  session = null;
  result = null;
  clearInterval(countdownTimer);
  show("idle");
}

function startSession(state) {
  session = state.sessionId;
  result = null;
  show("live");
  let left = state.holdStillSeconds;
  const tick = () => {
    $("countdown").textContent = left > 0 ? number(left) : "";
    $("countdown").classList.toggle("done", left <= 0);
    $("live-title").textContent = t(left > 0 ? "live.holdStill" : "live.reading");
    left--;
    if (left < 0) clearInterval(countdownTimer);
  };
  clearInterval(countdownTimer);
  tick();
  countdownTimer = setInterval(tick, 1000);
}

function drawLoop() {
  if (pendingFrame && $("kiosk").dataset.screen === "live") {
    heatmap.draw(pendingFrame.grid);
    stats.frames++;
    const drawnAt = Date.now();
    const latency = drawnAt - pendingFrame.sentAtMs;
    stats.latencyMs = stats.latencyMs ? stats.latencyMs * 0.9 + latency * 0.1 : latency;
    stats.samples.push(drawnAt - pendingFrame.capturedAtMs);
    if (stats.samples.length > 2000) stats.samples.shift();
    pendingFrame = null;
  }
  requestAnimationFrame(drawLoop);
}

// ---- the result ----

/** A text from the resource file when it has one for this key, else the server's (English) text. */
const textOr = (key, fallback, params) => (has(key) ? t(key, params) : fallback);

function bar(leftKey, leftShare, rightKey, kind) {
  const leftPct = Math.round(leftShare);
  const rightPct = 100 - leftPct; // shown rounded, the two always add up to 100
  const [left, right] = [t(leftKey), t(rightKey)];
  return `<div class="split ${kind}">
    <div class="split-labels"><span>${esc(left)}</span><span>${esc(right)}</span></div>
    <div class="split-bar" role="img" aria-label="${esc(left)} ${leftPct}%, ${esc(right)} ${rightPct}%">
      <div class="a" data-share="${leftPct}">${number(leftPct)}%</div>
      <div class="b" data-share="${rightPct}">${number(rightPct)}%</div>
      <div class="mid"></div>
    </div></div>`;
}

/** Widths through the CSSOM: the page's CSP allows no style attributes. */
function applyShares(root) {
  for (const part of root.querySelectorAll("[data-share]")) part.style.width = `${part.dataset.share}%`;
}

function footCard(f, right) {
  const side = right ? "right" : "left";
  const arch = f ? `arch.${f.archType ?? "unclear"}` : "arch.missing";
  const length = f?.lengthMm > 0 ? `<p class="foot-size">${esc(t("result.footLength", { cm: number(f.lengthMm / 10, 1) }))}</p>` : "";
  return `<div class="foot card" data-side="${side}">
      <h2>${esc(t(`result.${side}Foot`))}</h2>${archPicture(f?.archType, right)}
      <div><p class="arch ${esc(f?.archType ?? "unknown")}">${esc(t(arch))}</p>${length}</div></div>`;
}

function renderFeet(r) {
  $("feet").innerHTML = footCard(r.left, false) + footCard(r.right, true);
  $("weight").innerHTML = bar("side.leftFoot", r.loadLeftPct, "side.rightFoot", "lr") + bar("side.heels", r.rearfootPct, "side.fronts", "hf");
  applyShares($("weight"));
  $("balance").textContent = textOr(`balance.${r.balanceKey}`, r.balance);
  footprint.draw(r.grid);
}

function productItem(p, common) {
  const own = p.reasons.filter((x) => !common.has(x.ruleId));
  const kind = textOr(`category.${p.category}`, p.categoryLabel);
  return `<li class="product" data-rules="${esc(p.reasons.map((x) => x.ruleId).join(" "))}">
    <div class="product-head"><b>${esc(p.name)}</b><span class="price">${esc(money(p.price))}</span></div>
    <div class="kind">${esc(kind)}</div>
    ${own.length ? `<ul class="why">${own.map((x) => `<li>${esc(textOr(`reason.${x.ruleId}`, x.text))}</li>`).join("")}</ul>` : ""}</li>`;
}

/** The products: the top ones first, and a reason every product shares said once above them. */
function renderProducts(products) {
  const common = new Set(products.length < 2 ? [] :
    products[0].reasons.map((x) => x.ruleId).filter((id) => products.every((p) => p.reasons.some((x) => x.ruleId === id))));
  const shared = products[0]?.reasons.filter((x) => common.has(x.ruleId)) ?? [];
  $("common-reasons").hidden = shared.length === 0;
  $("common-reasons").textContent = t("result.allOfThem", { reasons: shared.map((x) => textOr(`reason.${x.ruleId}`, x.text)).join("; ") });
  $("products").innerHTML = products.length === 0
    ? `<li class="none">${esc(t("result.noProducts"))}</li>`
    : products.slice(0, ESSENTIAL_PRODUCTS).map((p) => productItem(p, common)).join("");
  $("more-products").innerHTML = products.slice(ESSENTIAL_PRODUCTS).map((p) => productItem(p, common)).join("");
  $("more-products-card").hidden = products.length <= ESSENTIAL_PRODUCTS;
}

/** Moves the last product of the first view to the second (when a long name would not fit); false when none is left to move. */
function moveOneProduct() {
  const items = $("products").querySelectorAll(".product");
  if (items.length <= 1) return false;
  $("more-products").prepend(items[items.length - 1]);
  $("more-products-card").hidden = false;
  return true;
}

function renderAdvice(r) {
  const a = r.advice;
  renderProducts(a.products);
  const points = Math.round(Math.abs(r.loadLeftPct - r.loadRightPct));
  $("referral").hidden = a.cautions.length === 0;
  $("referral").innerHTML = a.cautions.map((c) => `<p>${esc(textOr(`caution.${c.kind}`, c.text, { points }))}</p>`).join("");
  // A tip is a text, or { id, text } whose id names its key in the resource files.
  $("tips").innerHTML = a.tips.map((tip) => `<li>${esc(typeof tip === "string" ? tip : textOr(`tip.${tip.id}`, tip.text))}</li>`).join("");
  // The take-home code follows the products shown (a new activity, a new code).
  $("take-home").hidden = !r.takeHome;
  $("qr").innerHTML = r.takeHome?.qrSvg ?? "";
  for (const b of $("activities").children) b.setAttribute("aria-pressed", String(b.dataset.activity === r.activity));
  for (const b of $("pain").children) b.setAttribute("aria-pressed", String(b.dataset.pain === String(r.pain)));
}

function showResult(r) {
  if (r.sessionId !== session) return; // not the shopper on the mat now
  result = r;
  clearInterval(countdownTimer);
  $("ask-staff").setAttribute("aria-pressed", "false");
  delete $("ask-staff").dataset.answer;
  $("ask-staff").textContent = t("result.askStaff");
  renderFeet(r);
  renderAdvice(r);
  show("result");
  views.start();
}

/**
 * The shopper stepped off and their result stays a while (the server says how long): the first view, with the
 * take-home code, held still so a phone can read it; the bar under the footer shows the time left.
 */
function holdResult(state) {
  if (state.sessionId !== session || !result) return;
  $("kiosk").dataset.held = "true";
  views.hold("essentials", state.showsForMs);
}

async function askAdvice(change) {
  if (!result) return;
  const body = { resultId: result.resultId, sessionId: result.sessionId, activity: result.activity, pain: result.pain, ...change };
  const response = await fetch("/api/shopper/advice", {
    method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body),
  }).catch(() => null);
  if (response?.ok) {
    const r = await response.json();
    if (result && r.resultId === result.resultId) {
      result = r;
      renderAdvice(r);
      views.refit();
    }
  }
}

async function askStaff() {
  const button = $("ask-staff");
  if (!result || button.getAttribute("aria-pressed") === "true") return;
  const response = await fetch("/api/shopper/ask-staff", {
    method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ resultId: result.resultId, sessionId: result.sessionId }),
  }).catch(() => null);
  button.setAttribute("aria-pressed", String(Boolean(response?.ok)));
  button.dataset.answer = response?.ok ? "coming" : "failed";
  button.textContent = t(response?.ok ? "result.staffComing" : "result.askStaffFailed");
  views.refit();
}

// ---- wiring ----

const locale = await fetch("/api/shopper/locale").then((r) => (r.ok ? r.json() : null)).catch(() => null);
await loadLocale(locale);
translatePage();
$("privacy").textContent = t("idle.privacy", { days: locale?.retentionDays ?? 30 });
$("next-view").dataset.forward = t("result.next");
$("next-view").dataset.back = t("result.back");
$("stand-feet").innerHTML = footOutline(false, t("side.left")) + footOutline(true, t("side.right"));
renderLegend($("legend"), heatmap.maxKpa, t("live.legendUnit"));
$("activities").innerHTML = ACTIVITIES.map((id) =>
  `<button type="button" data-activity="${id}" aria-pressed="${id === "everyday"}">${esc(t(`activity.${id}`))}</button>`).join("");
$("activities").addEventListener("click", (e) => {
  const id = e.target.closest("button")?.dataset.activity;
  if (id) askAdvice({ activity: id });
});
$("pain").addEventListener("click", (e) => {
  const pain = e.target.closest("button")?.dataset.pain;
  if (pain) askAdvice({ pain: pain === "true" });
});
$("ask-staff").addEventListener("click", askStaff);
views = createResultViews($("result"), { moveOne: moveOneProduct });

const params = new URLSearchParams(location.search);
const stream = "/api/shopper/events" + (params.get("device") ? `?device=${encodeURIComponent(params.get("device"))}` : "");

// Why the display will not stream to this page (which mat is this kiosk's is not said, or another was asked for),
// from the problem it answers instead of a stream; null when it streams.
async function streamProblem() {
  const stop = new AbortController();
  try {
    const response = await fetch(stream, { signal: stop.signal });
    if (response.ok) return null;
    return (await response.json().catch(() => null))?.detail ?? `${response.status} ${response.statusText}`;
  } catch {
    return null;
  } finally {
    stop.abort();
  }
}

function showMatProblem(problem) {
  $("mat-problem").hidden = !problem;
  $("mat-problem").textContent = problem ? `${t("idle.matProblem")} ${problem}` : "";
}

// The live events of this kiosk's mat only (Feed/KioskMat.cs).
function listen() {
  const events = new EventSource(stream);
  events.addEventListener("state", (e) => {
    const state = JSON.parse(e.data);
    if (state.state === "standing" && state.sessionId !== session) startSession(state);
    else if (state.state === "held") holdResult(state);
    else if (state.state === "idle") goIdle();
  });
  events.addEventListener("frame", (e) => {
    const frame = JSON.parse(e.data);
    if (frame.sessionId === session) {
      if (pendingFrame) stats.dropped++; // a newer frame arrived before the screen drew the last one
      pendingFrame = frame;
    }
  });
  events.addEventListener("result", (e) => showResult(JSON.parse(e.data)));
  events.onopen = () => showMatProblem(null);
  events.onerror = async () => {
    // A dropped stream reconnects by itself (the server resends the state); a refused one is closed for good:
    // say why on the idle screen for the technician, and ask again in a while (the mats' pairing may change).
    if (events.readyState !== EventSource.CLOSED) return;
    const problem = await streamProblem();
    showMatProblem(problem);
    setTimeout(listen, problem ? 10000 : 2000);
  };
}
listen();

show("idle");
requestAnimationFrame(drawLoop);
