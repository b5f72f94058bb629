// The two dialogs: the privacy/consent notice (must be accepted before the first message)
// and the end-of-chat rating (1–5 stars + comment). Native <dialog>: focus stays inside,
// Esc closes the rating dialog but not the consent notice.

import { h } from "./dom.js";
import { label } from "./i18n.js";

export function showConsent({ onAccept, onDecline }) {
  const dialog = document.getElementById("consent");
  const accept = document.getElementById("consent-accept");
  const decline = document.getElementById("consent-decline");
  const close = (accepted) => {
    accept.onclick = decline.onclick = dialog.oncancel = null;
    dialog.close();
    (accepted ? onAccept : onDecline)();
  };
  accept.onclick = () => close(true);
  decline.onclick = () => close(false);
  dialog.oncancel = (event) => event.preventDefault(); // a choice is required
  if (!dialog.open) dialog.showModal();
  accept.focus();
}

function buildStars(row) {
  if (row.childElementCount) return;
  for (let n = 1; n <= 5; n += 1) {
    const input = h("input", { type: "radio", name: "rating", value: n, id: `star-${n}`, class: "sr-only-input" });
    const text = label(h("span", { class: "sr-only" }), "rating.star", { n });
    row.append(input, h("label", { for: `star-${n}`, class: "star" }, h("span", { "aria-hidden": "true" }, "★"), text));
  }
  row.addEventListener("change", () => {
    const chosen = row.querySelector("input:checked");
    row.dataset.value = chosen ? chosen.value : "";
  });
}

// sendRating(rating, comment) → Promise; onNewChat() starts over once rated or skipped;
// "back to the chat" closes the dialog and the conversation goes on.
export function showRating({ sendRating, onNewChat }) {
  const dialog = document.getElementById("rating");
  const form = document.getElementById("rating-form");
  const done = document.getElementById("rating-done");
  const error = document.getElementById("rating-error");
  const row = form.querySelector(".star-row");
  buildStars(row);
  form.reset();
  row.dataset.value = "";
  error.textContent = "";
  form.hidden = false;
  done.hidden = true;

  const finish = () => {
    form.hidden = true;
    done.hidden = false;
    document.getElementById("new-chat").focus();
  };
  form.onsubmit = async (event) => {
    event.preventDefault();
    const chosen = form.querySelector("input[name=rating]:checked");
    if (!chosen) {
      label(error, "rating.choose");
      row.querySelector("input").focus();
      return;
    }
    const submit = form.querySelector("button[type=submit]");
    submit.disabled = true;
    try {
      await sendRating(Number(chosen.value), document.getElementById("rating-comment").value.trim());
      finish();
    } catch {
      label(error, "rating.failed");
    } finally {
      submit.disabled = false;
    }
  };
  document.getElementById("rating-skip").onclick = finish;
  document.getElementById("rating-back").onclick = () => dialog.close();
  document.getElementById("new-chat").onclick = () => dialog.close();
  // Once rated (or skipped), closing the dialog in any way starts a new conversation.
  dialog.onclose = () => {
    if (!done.hidden) onNewChat();
  };
  dialog.showModal();
  row.querySelector("input").focus();
}
