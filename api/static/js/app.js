// The customer chat page: consent first, then history, then the conversation itself
// (POST /api/chat), live pushes (WS), feedback and the end-of-chat rating.

import * as api from "./api.js";
import { applyLargeText, showLanguage, toggleLanguage, toggleLargeText, wireComposer } from "./controls.js";
import { showConsent, showRating } from "./dialogs.js";
import { h } from "./dom.js";
import { label, language, t } from "./i18n.js";
import { renderMessage, renderNotice } from "./messages.js";
import { PushChannel } from "./push.js";
import * as session from "./session.js";

const MAX_CHARS = 1000;
// Payloads the page itself sends, shown to the customer by their titles.
const OWN_PAYLOADS = {
  "/request_human": "action.human.sent",
  "/complaint": "action.complaint.sent",
  "/stop": "handoff.cancel.sent",
};
const WELCOME = [
  ["welcome.browse", "/browse_products"],
  ["welcome.assess", "/start_risk_assessment"],
  ["welcome.recommend", "/ask_recommendation"],
  ["welcome.help", "/help"],
];

const $ = (id) => document.getElementById(id);
const state = {
  sender: null,
  context: session.pageContext(),
  consented: false,
  pending: 0, // messages sent and not yet answered
  queue: Promise.resolve(), // answers are awaited one after another, in order
  started: false, // history loaded and push channel open for this sender
  push: null,
  titles: new Map(), // payload → button title, to show history's button clicks by name
  lastHistoryId: 0,
  livePushes: 0, // staff messages received live since the history was loaded
};

const hooks = {
  onAsk: (payload, title) => {
    send(payload, title);
    $("composer-input").focus();
  },
  onFeedback: (reference, helpful) => api.sendMessageFeedback(state.sender, reference, helpful),
  onCancelHandoff: (handoffId) => api.cancelHandoff(handoffId),
};

function append(node) {
  if (!node) return;
  $("log").append(node);
  const scroller = $("conversation");
  scroller.scrollTop = scroller.scrollHeight;
}

function remember(buttons) {
  for (const button of Array.isArray(buttons) ? buttons : []) {
    if (button && typeof button.payload === "string" && typeof button.title === "string") {
      state.titles.set(button.payload, button.title);
    }
  }
}

function showReplies(messages, author, withHooks = hooks) {
  for (const message of messages) {
    if (!message || typeof message !== "object") continue;
    remember(message.buttons);
    append(renderMessage(message, { author, id: message.id ?? null, hooks: withHooks }));
  }
}

function userText(text) {
  if (typeof text !== "string" || !text.startsWith("/")) return text;
  if (state.titles.has(text)) return state.titles.get(text);
  return OWN_PAYLOADS[text] ? t(OWN_PAYLOADS[text]) : text;
}

function setPending(change) {
  state.pending += change;
  $("typing").hidden = state.pending === 0;
  $("conversation").scrollTop = $("conversation").scrollHeight;
}

function setStatus(status) {
  $("connection").dataset.state = status;
  label($("connection").querySelector(".connection-text"), `status.${status}`);
}

function explain(error, text) {
  if (error.kind === "network") {
    return renderNotice("error.network", null, { key: "error.retry", run: () => enqueue(text) });
  }
  if (error.kind === "rate_limited") return renderNotice("error.rate_limited");
  if (error.kind === "invalid") return renderNotice("error.invalid", { detail: error.detail });
  return renderNotice("error.unavailable");
}

async function deliver(text) {
  try {
    const metadata = { language: language(), ...state.context };
    const replies = await api.sendMessage(state.sender, text, metadata);
    $("end").disabled = false;
    showReplies(replies, "bot");
  } catch (error) {
    append(explain(error, text));
  }
}

// A message sent while an answer is still coming waits its turn, so replies keep order.
function enqueue(text) {
  setPending(1);
  state.queue = state.queue.then(() => deliver(text)).finally(() => setPending(-1));
}

// `shown` is what the customer sees in their bubble (a button's title for a payload).
function send(message, shown = null) {
  const text = String(message || "").trim();
  if (!state.consented || !text) return;
  if (text.length > MAX_CHARS) {
    append(renderNotice("error.too_long", { max: MAX_CHARS }));
    return;
  }
  append(renderMessage({ text: shown || userText(text) }, { author: "user" }));
  enqueue(text);
}

function welcome() {
  const replies = h("div", { class: "quick-replies", role: "group" });
  label(replies, "replies.label", null, "aria-label");
  for (const [key, payload] of WELCOME) {
    const button = label(h("button", { type: "button", class: "quick-reply", "data-payload": payload }), key);
    button.addEventListener("click", () => hooks.onAsk(payload, t(key)));
    replies.append(button);
  }
  const item = renderNotice("welcome.text");
  item.classList.replace("from-system", "from-bot");
  item.classList.add("welcome");
  item.append(replies);
  return item;
}

async function loadHistory() {
  let history;
  try {
    history = await api.fetchHistory(state.sender);
  } catch {
    return false;
  }
  // Only the last answer keeps its buttons: earlier ones were already answered.
  const lastAnswer = history.findLastIndex((m) => m.author !== "user");
  history.forEach((message, index) => {
    state.lastHistoryId = Math.max(state.lastHistoryId, message.id || 0);
    if (message.author === "user") {
      append(renderMessage({ text: userText(message.text) }, { author: "user" }));
      return;
    }
    const withHooks = index === lastAnswer ? hooks : { ...hooks, onAsk: null };
    showReplies([message], message.author, withHooks);
  });
  return history.length > 0;
}

function pushedAuthor(message) {
  const custom = message && message.custom;
  const named = custom && custom.author;
  if (["staff", "bot", "system"].includes(named)) return named;
  return custom && custom.type === "handoff" ? "system" : "staff";
}

function receivePushed(messages) {
  for (const message of messages) {
    const author = pushedAuthor(message);
    if (author === "staff") state.livePushes += 1;
    showReplies([message], author);
  }
}

// After a reconnect: show the staff messages logged while the socket was down.
async function catchUp() {
  let history;
  try {
    history = await api.fetchHistory(state.sender);
  } catch {
    return;
  }
  const staff = history.filter((m) => m.author === "staff" && m.id > state.lastHistoryId);
  const missed = staff.slice(state.livePushes);
  state.livePushes = staff.length;
  showReplies(missed, "staff");
}

function connectPush() {
  state.push = new PushChannel(state.sender, {
    onMessages: receivePushed,
    onStatus: setStatus,
    onReconnect: catchUp,
  }).start();
}

function enable(on) {
  for (const id of ["composer-input", "send", "human", "complaint"]) $(id).disabled = !on;
}

async function begin() {
  state.consented = true;
  if (state.started) {
    enable(true);
    return;
  }
  state.started = true;
  // The history first, so nothing the customer types lands above it.
  const hadHistory = await loadHistory();
  $("end").disabled = !hadHistory;
  if (!hadHistory) append(welcome());
  enable(true);
  connectPush();
  $("composer-input").focus();
}

function askConsent() {
  showConsent({
    onAccept: () => {
      session.storeConsent();
      if (!state.started) $("log").replaceChildren();
      begin();
    },
    onDecline: () => {
      state.consented = false;
      session.withdrawConsent();
      enable(false);
      append(renderNotice("consent.declined", null, { key: "consent.review", run: askConsent }));
    },
  });
}

function newChat() {
  if (state.push) state.push.stop();
  state.sender = session.newSenderId();
  state.titles.clear();
  state.lastHistoryId = 0;
  state.livePushes = 0;
  $("log").replaceChildren(renderNotice("notice.ended"), welcome());
  $("end").disabled = true;
  connectPush();
  $("composer-input").focus();
}

function wire() {
  wireComposer((text) => send(text));
  $("lang-toggle").addEventListener("click", toggleLanguage);
  $("large-toggle").addEventListener("click", toggleLargeText);
  $("human").addEventListener("click", () => hooks.onAsk("/request_human", t("action.human.sent")));
  $("complaint").addEventListener("click", () =>
    hooks.onAsk("/complaint", t("action.complaint.sent")),
  );
  $("end").addEventListener("click", () =>
    showRating({
      sendRating: (rating, comment) => api.sendRating(state.sender, rating, comment),
      onNewChat: newChat,
    }),
  );
  $("privacy").addEventListener("click", askConsent);
  window.addEventListener("offline", () => setStatus("offline"));
  window.addEventListener("online", () => state.push && state.push.nudge());
}

function start() {
  showLanguage(session.storedLanguage());
  applyLargeText(session.largeText());
  state.sender = session.senderId();
  wire();
  if (session.consentGiven()) begin();
  else askConsent();
}

start();
