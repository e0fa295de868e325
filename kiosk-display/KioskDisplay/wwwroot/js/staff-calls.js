// Shoppers asking for staff: every staff page shows the open calls and lets a member of staff take one.
const box = document.getElementById("staff-calls");
const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function refresh() {
  const response = await fetch("/api/staff/calls", { headers: { accept: "application/json" } }).catch(() => null);
  if (!response?.ok) return;
  const calls = await response.json();
  box.hidden = calls.length === 0;
  box.innerHTML = calls.map((c) => `<p class="call" data-call="${c.id}">
      <b>A shopper at mat ${esc(c.deviceId)} asks for help</b> (since ${esc(c.storeTime)}).
      <a href="${esc(c.scanUrl)}">Open their scan</a> <button type="button" data-answer="${c.id}">I'm on my way</button></p>`).join("");
}

box.addEventListener("click", async (e) => {
  const id = e.target.closest("button[data-answer]")?.dataset.answer;
  if (!id) return;
  await fetch(`/api/staff/calls/${encodeURIComponent(id)}/answer`, { method: "POST" }).catch(() => null);
  refresh();
});

refresh();
setInterval(refresh, 5000);
