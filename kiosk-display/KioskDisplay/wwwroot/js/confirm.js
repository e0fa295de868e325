// Asks before a form that cannot be undone at a click (form data-confirm="question"), e.g. unpairing a mat.
for (const form of document.querySelectorAll("form[data-confirm]")) {
  form.addEventListener("submit", (e) => {
    if (!confirm(form.dataset.confirm)) e.preventDefault();
  });
}
