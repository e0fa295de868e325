// The shopper's texts, by key, from one resource file per language (wwwroot/i18n/<language>.json); English
// (en.json) is the fallback for any key a language lacks. Placeholders are {name}. Numbers and money follow the
// store's culture and currency (Kiosk:Culture, Kiosk:Currency), which /api/shopper/locale reports.

let texts = {};
let english = {};
let culture = "en-GB";
let currency = "EUR";

async function readTexts(language) {
  // Beside this script's folder, so a copy of the take-home page on another host finds them too.
  const response = await fetch(new URL(`../i18n/${encodeURIComponent(language)}.json`, import.meta.url)).catch(() => null);
  return response?.ok ? response.json() : {};
}

/** Loads the texts of the language and the store's number format; falls back to English on any failure. */
export async function loadLocale(locale) {
  culture = locale?.culture || culture;
  currency = locale?.currency || currency;
  english = await readTexts("en");
  texts = locale?.language && locale.language !== "en" ? await readTexts(locale.language) : english;
  document.documentElement.lang = locale?.language || "en";
}

/** The text for a key, with {placeholders} filled; the key itself when no file has it (a test keeps that from happening). */
export function t(key, params = {}) {
  const text = texts[key] ?? english[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** True when the language (or English) has a text for the key. */
export const has = (key) => key in texts || key in english;

/** Puts the texts into every element with data-i18n (its text) or data-i18n-aria-label (its label). */
export function translatePage(root = document) {
  for (const element of root.querySelectorAll("[data-i18n]")) element.textContent = t(element.dataset.i18n);
  for (const element of root.querySelectorAll("[data-i18n-aria-label]")) element.setAttribute("aria-label", t(element.dataset.i18nAriaLabel));
}

/** A price in the store's currency and number format. */
export const money = (amount) => new Intl.NumberFormat(culture, { style: "currency", currency }).format(Number(amount));

/** A number in the store's format, with a fixed number of decimals. */
export const number = (value, decimals = 0) =>
  new Intl.NumberFormat(culture, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(Number(value));
