// One chat message → DOM: the bubble text, the custom payload's widget, the disclosures
// block, quick-reply buttons and 👍/👎. Text is always set as text (see dom.js).

import { asList, asText, h } from "./dom.js";
import { label } from "./i18n.js";
import { thumb } from "./icons.js";
import { comparisonTable, productCards } from "./widgets/products.js";
import { illustration } from "./widgets/illustration.js";
import { handoffStatus, questionnaireProgress } from "./widgets/status.js";

// custom.type → widget; a type not listed renders nothing but the message text.
const WIDGETS = {
  product_cards: (custom, hooks) => productCards(custom, hooks.onAsk),
  comparison: (custom) => comparisonTable(custom),
  questionnaire: (custom) => questionnaireProgress(custom),
  illustration: (custom) => illustration(custom),
  handoff: (custom, hooks) => handoffStatus(custom, hooks),
};

export const RENDERED_TYPES = Object.keys(WIDGETS);
// Status messages, not answers: nothing to judge as helpful or not.
const UNJUDGED_TYPES = new Set(["error", "handoff", "questionnaire"]);

// The disclosures also end the text (so plain channels carry them): take them off the
// end of the body, in whatever order they were appended, and return both parts.
export function splitDisclosures(text, disclosures) {
  const lines = asList(disclosures).map(asText).map((l) => l.trim()).filter(Boolean);
  let body = asText(text).trimEnd();
  let removed = true;
  while (removed && body) {
    removed = false;
    for (const line of lines) {
      if (body.endsWith(line)) {
        body = body.slice(0, body.length - line.length).trimEnd();
        removed = true;
      }
    }
  }
  return { body, disclosures: lines };
}

export function disclosuresBlock(lines) {
  if (!lines.length) return null;
  const block = h("aside", { class: "disclosures", role: "note" });
  label(block, "disclosures.title", null, "aria-label");
  block.append(
    label(h("p", { class: "disclosures-title", "aria-hidden": "true" }), "disclosures.title"),
    h("ul", {}, lines.map((line) => h("li", { text: line }))),
  );
  return block;
}

function quickReplies(buttons, onAsk) {
  const valid = asList(buttons).filter((b) => b && asText(b.payload));
  if (!valid.length || !onAsk) return null;
  const group = h("div", { class: "quick-replies", role: "group" });
  label(group, "replies.label", null, "aria-label");
  for (const button of valid) {
    const title = asText(button.title) || asText(button.payload);
    const payload = asText(button.payload);
    const element = h("button", { type: "button", class: "quick-reply", "data-payload": payload, text: title });
    element.addEventListener("click", () => {
      for (const other of group.querySelectorAll("button")) other.disabled = true;
      element.setAttribute("aria-pressed", "true");
      onAsk(payload, title);
    });
    group.append(element);
  }
  return group;
}

function feedbackRow(reference, onFeedback) {
  const row = h("div", { class: "feedback" });
  const question = label(h("span", { class: "feedback-question" }), "feedback.question");
  const result = h("span", { class: "feedback-result", role: "status" });
  const choices = [
    [true, "feedback.up"],
    [false, "feedback.down"],
  ].map(([helpful, key]) => {
    const button = h(
      "button",
      { type: "button", class: "feedback-button", "aria-pressed": "false", "data-helpful": String(helpful) },
      thumb(helpful),
    );
    label(button, key, null, "aria-label");
    label(button, key, null, "title");
    button.addEventListener("click", async () => {
      for (const b of row.querySelectorAll("button")) b.disabled = true;
      button.setAttribute("aria-pressed", "true");
      try {
        await onFeedback(reference, helpful);
        label(result, "feedback.thanks");
      } catch {
        label(result, "feedback.failed");
        for (const b of row.querySelectorAll("button")) b.disabled = false;
        button.setAttribute("aria-pressed", "false");
      }
    });
    return button;
  });
  row.append(question, ...choices, result);
  return row;
}

// author: "user" | "bot" | "staff" | "system"; hooks: {onAsk, onFeedback}; id: from history.
export function renderMessage(message, { author = "bot", id = null, hooks = {} } = {}) {
  const custom = message && typeof message.custom === "object" && message.custom ? message.custom : {};
  const type = asText(custom.type);
  const { body, disclosures } = splitDisclosures(message.text, custom.disclosures);
  const item = h("li", { class: `message from-${author}`, "data-author": author, "data-type": type || null });
  if (type === "error") item.classList.add("is-error");
  const bubble = h("div", { class: "bubble" });
  bubble.append(label(h("span", { class: author === "staff" ? "author" : "author sr-only" }), `author.${author}`));
  if (body) bubble.append(h("p", { class: "text", text: body }));
  const widget = author === "user" ? null : WIDGETS[type]?.(custom, hooks);
  if (widget) bubble.append(widget);
  const block = disclosuresBlock(disclosures);
  if (block) bubble.append(block);
  if (!body && !widget && !block) return null;
  item.append(bubble);
  if (author !== "user") {
    const replies = quickReplies(message.buttons, hooks.onAsk);
    if (replies) item.append(replies);
  }
  const judged =
    (author === "bot" || author === "staff") && !UNJUDGED_TYPES.has(type) && asText(message.text);
  if (judged && hooks.onFeedback) {
    item.append(feedbackRow(id ? { messageId: id } : { text: message.text }, hooks.onFeedback));
  }
  return item;
}

// A notice from the page itself (network error, rate limit…), optionally with an action.
export function renderNotice(key, args = null, action = null) {
  const item = h("li", { class: "message from-system is-notice", "data-author": "system" });
  const bubble = h("div", { class: "bubble" }, label(h("p", { class: "text" }), key, args));
  if (action) {
    const button = label(h("button", { type: "button", class: "quiet" }), action.key);
    button.addEventListener("click", () => {
      button.disabled = true;
      action.run();
    });
    bubble.append(button);
  }
  item.append(bubble);
  return item;
}
