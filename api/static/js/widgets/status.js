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

// onAsk(payload, title): the cancel button leaves the queue (the handoff domain treats
// /stop from a queued customer as "cancel").
export function handoffStatus(custom, onAsk) {
  const status = custom.status;
  if (!["queued", "connected", "closed"].includes(status)) return null;
  const box = h("div", { class: `handoff-status handoff-${status}`, role: "status" });
  box.append(label(h("strong"), `handoff.${status}`));
  if (status === "queued") {
    const position = positiveInt(custom.position);
    const minutes = positiveInt(custom.expected_wait_minutes);
    if (position !== null) box.append(label(h("span"), "handoff.position", { position }));
    if (minutes !== null) box.append(label(h("span"), "handoff.wait", { minutes }));
    if (onAsk) {
      const cancel = label(h("button", { type: "button", class: "quiet" }), "handoff.cancel");
      cancel.addEventListener("click", () => {
        cancel.disabled = true;
        onAsk("/stop", t("handoff.cancel.sent"));
      });
      box.append(cancel);
    }
  }
  return box;
}
