// The take-home page: reads the shopper's result from the link's fragment (TakeHome/TakeHomeLink.cs writes it)
// and shows it on a phone. Nothing is fetched but the page's own files.
import { archPicture } from "./feet.js";
import { loadLocale, t, translatePage, money, number } from "./i18n.js";

const $ = (id) => document.getElementById(id);
const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The payload of the fragment, or null when it is not one. */
function readFragment() {
  try {
    const base64 = location.hash.slice(1).replace(/-/g, "+").replace(/_/g, "/");
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const data = JSON.parse(new TextDecoder().decode(bytes));
    return data?.v === 1 && Array.isArray(data.f) && Array.isArray(data.p) ? data : null;
  } catch {
    return null;
  }
}

function split(leftKey, leftShare, rightKey, kind) {
  const left = Math.round(Number(leftShare));
  return `<div class="split ${kind}"><div class="split-labels"><span>${esc(t(leftKey))}</span><span>${esc(t(rightKey))}</span></div>
    <div class="split-bar"><div class="a" data-share="${left}">${number(left)}%</div><div class="b" data-share="${100 - left}">${number(100 - left)}%</div></div></div>`;
}

function render(data) {
  $("date").textContent = new Intl.DateTimeFormat(data.c, { dateStyle: "long" }).format(new Date(`${data.d}T12:00:00`));
  $("referral").hidden = data.r !== 1;
  $("feet").innerHTML = data.f.map((foot, i) => {
    const side = i === 0 ? "left" : "right";
    const arch = foot ? `arch.${foot.a ?? "unclear"}` : "arch.missing";
    const length = foot?.n > 0 ? `<p class="length">${esc(t("result.footLength", { cm: number(foot.n / 10, 1) }))}</p>` : "";
    return `<div class="card foot"><h2>${esc(t(`result.${side}Foot`))}</h2>${archPicture(foot?.a, i === 1)}
      <p class="arch">${esc(t(arch))}</p>${length}</div>`;
  }).join("");
  $("weight").innerHTML = split("side.leftFoot", data.lr, "side.rightFoot", "lr") + split("side.heels", data.hf, "side.fronts", "hf");
  for (const part of $("weight").querySelectorAll("[data-share]")) part.style.width = `${part.dataset.share}%`;
  $("balance").textContent = t(`balance.${data.b}`);
  $("products").innerHTML = data.p.length === 0
    ? `<li>${esc(t("result.noProducts"))}</li>`
    : data.p.map(([name, category, price]) => `<li class="product"><b>${esc(name)}</b>
        <span class="price">${esc(money(price))}</span><span class="kind">${esc(t(`category.${category}`))}</span></li>`).join("");
  $("content").hidden = false;
}

const data = readFragment();
await loadLocale(data ? { language: data.l, culture: data.c, currency: data.m } : null);
translatePage();
if (data) render(data);
else $("problem").hidden = false;
