// The page's own controls: the message box (Enter sends, IME-safe), the language toggle
// and large-text mode (both remembered).

import { language, setLanguage } from "./i18n.js";
import * as session from "./session.js";

const $ = (id) => document.getElementById(id);

export function applyLargeText(on) {
  document.documentElement.classList.toggle("large-text", on);
  $("large-toggle").setAttribute("aria-pressed", String(on));
}

export function toggleLargeText() {
  const on = !document.documentElement.classList.contains("large-text");
  applyLargeText(on);
  session.storeLargeText(on);
}

// The toggle names the other language, in that language (for screen readers too).
export function showLanguage(lang) {
  setLanguage(lang);
  $("lang-toggle").lang = lang === "zh" ? "en" : "zh-CN";
}

export function toggleLanguage() {
  const next = language() === "zh" ? "en" : "zh";
  showLanguage(next);
  session.storeLanguage(next);
}

// onSubmit(text) is called with what the customer typed; the box is cleared.
export function wireComposer(onSubmit) {
  const input = $("composer-input");
  const grow = () => {
    input.style.height = "";
    // An empty box keeps its one-line height even when the placeholder wraps.
    if (input.value) input.style.height = `${Math.min(input.scrollHeight, 160)}px`;
  };
  input.addEventListener("input", grow);
  input.addEventListener("keydown", (event) => {
    // Enter while an input method is composing Chinese picks a candidate; never send then.
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      $("composer").requestSubmit();
    }
  });
  $("composer").addEventListener("submit", (event) => {
    event.preventDefault();
    if (!input.value.trim()) return;
    const text = input.value;
    input.value = "";
    grow();
    onSubmit(text);
  });
}
