// What survives a reload: the sender id (so the conversation continues), the language,
// large-text mode and consent. Plus what the page was opened with (?channel, ?utm_campaign).

const KEYS = {
  sender: "wealthchat.sender",
  language: "wealthchat.language",
  largeText: "wealthchat.largeText",
  consent: "wealthchat.consent",
};
// Bump when the privacy notice changes: everyone is asked again.
export const CONSENT_VERSION = "2025-01";

function read(key) {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null; // storage disabled (private mode): the page still works, without memory
  }
}

function write(key, value) {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    /* storage disabled */
  }
}

function randomId() {
  const bytes = new Uint8Array(12);
  window.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export function senderId() {
  let sender = read(KEYS.sender);
  if (!sender || !/^[A-Za-z0-9_.:-]{1,128}$/.test(sender)) {
    sender = `web-${randomId()}`;
    write(KEYS.sender, sender);
  }
  return sender;
}

export function newSenderId() {
  write(KEYS.sender, null);
  return senderId();
}

export function storedLanguage() {
  const stored = read(KEYS.language);
  if (stored === "zh" || stored === "en") return stored;
  return (navigator.language || "zh").toLowerCase().startsWith("zh") ? "zh" : "en";
}

export function storeLanguage(lang) {
  write(KEYS.language, lang);
}

export function largeText() {
  return read(KEYS.largeText) === "1";
}

export function storeLargeText(on) {
  write(KEYS.largeText, on ? "1" : "0");
}

export function consentGiven() {
  return read(KEYS.consent) === CONSENT_VERSION;
}

export function storeConsent() {
  write(KEYS.consent, CONSENT_VERSION);
}

export function withdrawConsent() {
  write(KEYS.consent, null);
}

// Metadata sent with every message (ARCHITECTURE.md: language, channel, campaign).
export function pageContext(search = window.location.search) {
  const params = new URLSearchParams(search);
  const channel = params.get("channel") === "app" ? "app" : "web";
  const campaign = (params.get("utm_campaign") || "").trim().slice(0, 100);
  return campaign ? { channel, campaign } : { channel };
}
