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

/**
 * A text the server sends as { id, text, args }: in the page's language when the resource file has the id, else the
 * server's English. An argument that is a list holds text ids (joined with "; "); a number follows the store's format.
 */
function say(line) {
  if (!line) return "";
  const args = Object.fromEntries(Object.entries(line.args ?? {}).map(([name, value]) =>
    [name, Array.isArray(value) ? value.map((id) => t(id)).join("; ") : typeof value === "number" ? number(value) : value]));
  return textOr(line.id, line.text, args);
}

/** A size as shops write it: whole or half. */
const size = (value) => number(value, value % 1 === 0 ? 0 : 1);

/** A bar of shares that add up to 100 (shown rounded, the last takes the rest): [[labelKey, share], ...]. */
function bar(parts, kind) {
  const rounded = parts.map(([, share]) => Math.round(share));
  rounded[rounded.length - 1] = 100 - rounded.slice(0, -1).reduce((a, b) => a + b, 0);
  const labels = parts.map(([key]) => t(key));
  const classes = parts.length === 3 ? ["a", "m", "b"] : ["a", "b"];
  return `<div class="split ${kind}">
    <div class="split-labels">${labels.map((l) => `<span>${esc(l)}</span>`).join("")}</div>
    <div class="split-bar" role="img" aria-label="${esc(labels.map((l, i) => `${l} ${rounded[i]}%`).join(", "))}">
      ${rounded.map((pct, i) => `<div class="${classes[i]}" data-share="${pct}">${number(pct)}%</div>`).join("")}
      ${kind === "lr" ? `<div class="mid"></div>` : ""}
    </div></div>`;
}

/** Widths through the CSSOM: the page's CSP allows no style attributes. */
function applyShares(root) {
  for (const part of root.querySelectorAll("[data-share]")) part.style.width = `${part.dataset.share}%`;
}

/** One foot: its arch in plain words (between two types when borderline), its length and width. */
function footCard(f, right) {
  const side = right ? "right" : "left";
  const arch = f ? say({ id: f.labelId, text: f.label }) : t("arch.missing");
  const measured = f?.lengthMm > 0
    ? `<p class="foot-size">${esc(t("result.footSize", { length: number(f.lengthMm / 10, 1), width: number(f.widthMm / 10, 1) }))}</p>` : "";
  return `<div class="foot card" data-side="${side}">
      <h2>${esc(t(`result.${side}Foot`))}</h2>${archPicture(f?.archType, right)}
      <div><p class="arch ${esc(f?.archType ?? "unknown")}" data-label="${esc(f?.labelId ?? "arch.missing")}">${esc(arch)}</p>${measured}</div></div>`;
}

/** Heels, midfeet and the fronts of the feet by anatomical regions (a mat that does not send the midfoot: heels and fronts). */
function heelsToFronts(r) {
  return r.midfootPct == null
    ? bar([["side.heels", r.rearfootPct], ["side.fronts", 100 - r.rearfootPct]], "hf")
    : bar([["side.heels", r.rearfootPct], ["side.midfeet", r.midfootPct], ["side.fronts", r.forefootPct]], "hf");
}

function renderFeet(r) {
  $("feet").innerHTML = footCard(r.left, false) + footCard(r.right, true);
  // One foot on the mat is a scan to repeat, never a 100/0 split.
  $("weight").innerHTML = r.oneFootOnly
    ? `<p class="one-foot">${esc(t("result.oneFootSplit"))}</p>`
    : bar([["side.leftFoot", r.loadLeftPct], ["side.rightFoot", r.loadRightPct]], "lr") + heelsToFronts(r);
  applyShares($("weight"));
  $("balance").textContent = r.balanceKey ? textOr(`balance.${r.balanceKey}`, r.balance) : "";
  footprint.draw(r.grid);
}

function productItem(p) {
  const kind = textOr(`category.${p.category}`, p.categoryLabel);
  const fitting = p.width && p.width !== "standard" ? ` · ${esc(t(`fitting.${p.width}`))}` : "";
  const own = p.ownReasons ?? [];
  return `<li class="product" data-rules="${esc(p.reasons.map((x) => x.ruleId).join(" "))}">
    <div class="product-head"><b>${esc(p.name)}</b><span class="price">${esc(money(p.price))}</span></div>
    <div class="kind">${esc(kind)}${fitting}</div>
    ${own.length ? `<ul class="why">${own.map((x) => `<li>${esc(textOr(`reason.${x.ruleId}`, x.text))}</li>`).join("")}</ul>` : ""}</li>`;
}

/** The products: how to choose, the size, the reasons they share (said once), the top ones first. */
function renderProducts(r) {
  const a = r.advice;
  $("products-note").textContent = say(a.productsNote);
  const s = r.notAdultSized ? null : r.shoeSize;
  $("shoe-size").hidden = !s;
  $("shoe-size").textContent = s
    ? `${t("result.shoeSize", { eu: size(s.eu), uk: size(s.uk), usMen: size(s.usMen), usWomen: size(s.usWomen) })} ${say(s.note)}` : "";
  const shared = a.commonReasons ?? [];
  $("common-reasons").hidden = shared.length === 0 || a.products.length === 0;
  $("common-reasons").textContent = t("result.allOfThem", { reasons: shared.map((x) => textOr(`reason.${x.ruleId}`, x.text)).join(" ") });
  $("products").innerHTML = a.products.slice(0, ESSENTIAL_PRODUCTS).map(productItem).join("");
  $("more-products").innerHTML = a.products.slice(ESSENTIAL_PRODUCTS).map(productItem).join("");
  $("more-products-card").hidden = a.products.length <= ESSENTIAL_PRODUCTS;
}

const portrait = matchMedia("(orientation: portrait)");

/**
 * Makes room on the first view when it does not fit: moves its last product to the last view (keeping one), then (in
 * portrait) the take-home code to the questions' view; false when nothing is left to move.
 */
function moveOneProduct() {
  const items = $("products").querySelectorAll(".product");
  if (items.length > 1) {
    $("more-products").prepend(items[items.length - 1]);
    $("more-products-card").hidden = false;
    return true;
  }
  // in portrait the code takes a row of its own; in landscape it shares a column with how you stand
  if (portrait.matches && !$("take-home").hidden && $("take-home").parentElement === $("view-essentials")) {
    $("view-questions").append($("take-home")); // the questions leave room for it

    return true;
  }
  return false;
}

/**
 * First on the screen: a suggestion to see a professional (kind, clear), then notes about the scan itself. Several
 * answers of "yes" are named in one paragraph here, with each one's own suggestion beside its answer.
 */
function renderMessages(r) {
  const a = r.advice;
  const fromAnswers = a.referrals.filter((x) => r.questions.some((q) => x.id === `referral.${q.id}`));
  const others = a.referrals.filter((x) => !fromAnswers.includes(x));
  const list = new Intl.ListFormat(document.documentElement.lang || "en", { type: "conjunction" });
  const shown = fromAnswers.length > 1
    ? [t("referral.several", { signs: list.format(fromAnswers.map((x) => t(x.id.replace("referral.", "sign.")))) }), ...others.map(say)]
    : a.referrals.map(say);
  $("referral").hidden = shown.length === 0;
  $("referral").innerHTML = shown.length === 0 ? "" : `<h2>${esc(say(a.referralHeading))}</h2>` + shown.map((text) => `<p>${esc(text)}</p>`).join("");
  $("notices").hidden = a.notices.length === 0;
  $("notices").innerHTML = a.notices.map((x) => `<p data-id="${esc(x.id)}">${esc(say(x))}</p>`).join("");
  $("messages").hidden = $("referral").hidden && $("notices").hidden;
}

/** The warning-sign questions, each answered no or yes (or not at all); the knee and hip one with its line on the kinetic chain. */
function renderQuestions(r) {
  $("signs").innerHTML = r.questions.map((q) => {
    const question = textOr(`question.${q.id}`, q.text);
    const note = q.note ? `<p class="sign-note">${esc(textOr(`question.${q.id}.note`, q.note))}</p>` : "";
    const referral = r.advice.referrals.find((x) => x.id === `referral.${q.id}`);
    const suggestion = q.answer === true && referral ? `<p class="sign-referral">${esc(say(referral))}</p>` : "";
    return `<div class="sign" data-sign="${esc(q.id)}">
      <p class="sign-q">${esc(question)}</p>
      <div class="choices yesno" role="group" aria-label="${esc(question)}">
        <button type="button" data-answer="false" aria-pressed="${q.answer === false}">${esc(t("answer.no"))}</button>
        <button type="button" data-answer="true" aria-pressed="${q.answer === true}">${esc(t("answer.yes"))}</button>
      </div>${note}${suggestion}</div>`;
  }).join("") + (r.questions.some((q) => q.answer === true) ? `<p class="referred">${esc(t("questions.referred"))}</p>` : "");
  for (const b of $("activities").children) b.setAttribute("aria-pressed", String(b.dataset.activity === r.activity));
}

/** Exercises for the arch types measured, and footwear habits (what the scan cannot show has its own card). */
function renderTips(a) {
  $("tips").innerHTML = a.tipGroups.filter((g) => g.topic !== "limits").map((g) =>
    `${g.intro ? `<p class="tips-intro">${esc(say(g.intro))}</p>` : ""}<ul class="tips-${esc(g.topic)}">${g.lines.map((x) => `<li>${esc(say(x))}</li>`).join("")}</ul>`).join("");
}

function renderAdvice(r) {
  renderMessages(r);
  renderProducts(r);
  renderQuestions(r);
  renderTips(r.advice);
  // The take-home code follows the products shown (a new activity, a new code); it starts on the first view.
  $("view-essentials").append($("take-home"));
  $("take-home").hidden = !r.takeHome;
  $("qr").innerHTML = r.takeHome?.qrSvg ?? "";
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
 * The shopper stepped off and their result stays a while (the server says how long): the view with the take-home
 * code (the first, unless it made room there), held still so a phone can read it; the bar under the footer shows the
 * time left.
 */
function holdResult(state) {
  if (state.sessionId !== session || !result) return;
  $("kiosk").dataset.held = "true";
  views.hold($("take-home").closest(".view")?.dataset.view ?? "essentials", state.showsForMs); // the code may have made room on another view
}

/** Sends a change (the activity, or one answer) and shows the advice that follows; the server keeps the answers with the scan. */
async function askAdvice(change) {
  if (!result) return;
  const body = { resultId: result.resultId, sessionId: result.sessionId, activity: result.activity, ...change };
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
$("signs").addEventListener("click", (e) => {
  const button = e.target.closest("button[data-answer]");
  const sign = button?.closest("[data-sign]")?.dataset.sign;
  if (sign) askAdvice({ answers: { [sign]: button.dataset.answer === "true" } });
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
