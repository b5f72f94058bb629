// Progress and status widgets: questionnaire progress ("questionnaire"), handoff queue
// status ("handoff") and the gateway's polite error ("error").

import { h } from "../dom.js";
import { label, t } from "../i18n.js";

function positiveInt(value) {
  return Number.isInteger(value) && value >= 0 ? value : null;
}

export function questionnaireProgress(custom) {
  const index = positiveInt(custom.index);
  const total = positiveInt(custom.total);
  if (!index || !total) return null;
  const done = Math.min(index, total);
  const bar = h("div", {
    class: "progress",
    role: "progressbar",
    "aria-valuemin": 0,
    "aria-valuemax": total,
    "aria-valuenow": done,
  });
  label(bar, "questionnaire.label", null, "aria-label");
  bar.append(h("div", { class: "progress-fill", style: `width: ${(100 * done) / total}%` }));
  return h(
    "div",
    { class: "questionnaire-progress" },
    label(h("span", { class: "progress-text" }), "questionnaire.progress", { index: done, total }),
    bar,
  );
}

// The statuses the handoff domain uses, mapped onto the three the customer is told about.
const HANDOFF_STATES = {
  queued: "queued",
  connected: "connected",
  active: "connected",
  closed: "closed",
  cancelled: "closed",
};

// hooks.onCancelHandoff(id) → Promise: leave the queue (POST /api/handoffs/{id}/cancel);
// without an id the page asks the bot to stop instead.
export function handoffStatus(custom, hooks) {
  const status = HANDOFF_STATES[custom.status];
  if (!status) return null;
  const box = h("div", { class: `handoff-status handoff-${status}`, role: "status" });
  box.append(label(h("strong"), `handoff.${status}`));
  if (status !== "queued") return box;
  const position = positiveInt(custom.position);
  const minutes = positiveInt(custom.expected_wait_minutes);
  if (position !== null) box.append(label(h("span"), "handoff.position", { position }));
  if (minutes !== null) box.append(label(h("span"), "handoff.wait", { minutes }));
  const id = positiveInt(custom.handoff_id);
  const cancel = label(h("button", { type: "button", class: "quiet" }), "handoff.cancel");
  const outcome = h("span", { class: "handoff-outcome" });
  cancel.addEventListener("click", async () => {
    cancel.disabled = true;
    if (id === null || !hooks.onCancelHandoff) {
      hooks.onAsk?.("/stop", t("handoff.cancel.sent"));
      return;
    }
    try {
      await hooks.onCancelHandoff(id);
      label(outcome, "handoff.cancelled");
    } catch {
      label(outcome, "handoff.cancel_failed");
      cancel.disabled = false;
    }
  });
  box.append(cancel, outcome);
  return box;
}
