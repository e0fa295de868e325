// The shopper page: follows the mat through Server-Sent Events (idle -> standing -> result -> idle)
// and shows only the result of the shopper who is on the mat now.
import { createHeatmap, renderLegend } from "./heatmap.js";
import { footOutline, archPicture } from "./feet.js";

const ACTIVITIES = [
  ["everyday", "Everyday"], ["walking", "Walking"], ["running", "Running"], ["standing", "Standing at work"], ["dress", "Smart / dress"],
];

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

function show(screen) {
  $("kiosk").dataset.screen = screen;
  for (const id of ["idle", "live", "result"]) $(id).hidden = id !== screen;
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
    $("countdown").textContent = left > 0 ? String(left) : "";
    $("countdown").classList.toggle("done", left <= 0);
    $("live-title").textContent = left > 0 ? "Hold still" : "Reading your feet…";
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

function bar(leftLabel, leftShare, rightLabel, kind) {
  const leftPct = Math.round(leftShare);
  const rightPct = 100 - leftPct; // shown rounded, the two always add up to 100
  return `<div class="split ${kind}">
    <div class="split-labels"><span>${leftLabel}</span><span>${rightLabel}</span></div>
    <div class="split-bar" role="img" aria-label="${leftLabel} ${leftPct}%, ${rightLabel} ${rightPct}%">
      <div class="a" style="width:${leftPct}%">${leftPct}%</div>
      <div class="b" style="width:${rightPct}%">${rightPct}%</div>
      <div class="mid"></div>
    </div></div>`;
}

function renderFeet(r) {
  const foot = (f, right, name) => `<div class="foot card">
      <h2>${name} foot</h2>${archPicture(f?.archType, right)}
      <p class="arch ${esc(f?.archType ?? "unknown")}">${esc(f?.label ?? "Not on the mat")}</p></div>`;
  $("feet").innerHTML = foot(r.left, false, "Left") + foot(r.right, true, "Right");
  $("weight").innerHTML =
    bar("Left foot", r.loadLeftPct, "Right foot", "lr") +
    bar("Heels", r.rearfootPct, "Front of feet", "hf");
  $("balance").textContent = r.balance;
  footprint.draw(r.grid);
}

function renderAdvice(r) {
  const a = r.advice;
  $("products").innerHTML = a.products.length === 0
    ? `<li class="none">Please ask a member of staff: nothing in stock matches your scan right now.</li>`
    : a.products.map((p) => `<li class="product" data-rules="${esc(p.reasons.map((x) => x.ruleId).join(" "))}">
        <div class="product-head"><b>${esc(p.name)}</b><span class="price">${Number(p.price).toFixed(2)}</span></div>
        <div class="kind">${esc(p.categoryLabel)} · arch support ${esc(p.archSupport)} · cushioning ${esc(p.cushioning)}</div>
        <ul class="why">${p.reasons.map((x) => `<li>${esc(x.text)}</li>`).join("")}</ul></li>`).join("");
  $("cautions").hidden = a.cautions.length === 0;
  $("cautions").innerHTML = a.cautions.map((c) => `<p>${esc(c.text)}</p>`).join("");
  $("tips").innerHTML = a.tips.map((t) => `<li>${esc(t)}</li>`).join("");
  for (const b of $("activities").children) b.setAttribute("aria-pressed", String(b.dataset.activity === r.activity));
  for (const b of $("pain").children) b.setAttribute("aria-pressed", String(b.dataset.pain === String(r.pain)));
}

function showResult(r) {
  if (r.sessionId !== session) return; // not the shopper on the mat now
  result = r;
  clearInterval(countdownTimer);
  renderFeet(r);
  renderAdvice(r);
  show("result");
  $("result").scrollTop = 0;
}

async function askAdvice(change) {
  if (!result) return;
  const body = { resultId: result.resultId, sessionId: result.sessionId, activity: result.activity, pain: result.pain, ...change };
  const response = await fetch("/api/shopper/advice", {
    method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body),
  }).catch(() => null);
  if (response?.ok) {
    const r = await response.json();
    if (result && r.resultId === result.resultId) { result = r; renderAdvice(r); }
  }
}

// ---- wiring ----

$("stand-feet").innerHTML = footOutline(false, "Left") + footOutline(true, "Right");
renderLegend($("legend"), heatmap.maxKpa);
$("activities").innerHTML = ACTIVITIES.map(([id, label]) =>
  `<button type="button" data-activity="${id}" aria-pressed="${id === "everyday"}">${label}</button>`).join("");
$("activities").addEventListener("click", (e) => {
  const id = e.target.closest("button")?.dataset.activity;
  if (id) askAdvice({ activity: id });
});
$("pain").addEventListener("click", (e) => {
  const pain = e.target.closest("button")?.dataset.pain;
  if (pain) askAdvice({ pain: pain === "true" });
});

const params = new URLSearchParams(location.search);
const events = new EventSource("/api/shopper/events" + (params.get("device") ? `?device=${encodeURIComponent(params.get("device"))}` : ""));
events.addEventListener("state", (e) => {
  const state = JSON.parse(e.data);
  if (state.state === "standing" && state.sessionId !== session) startSession(state);
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
events.onerror = () => { /* EventSource reconnects by itself; the server resends the state */ };

show("idle");
requestAnimationFrame(drawLoop);
