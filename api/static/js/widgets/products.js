// Product cards (custom.type "product_cards") and the comparison table ("comparison").

import { asList, asText, h } from "../dom.js";
import { label, t } from "../i18n.js";

const RISK_LEVELS = ["R1", "R2", "R3", "R4", "R5"];

// `name` is the label the server gave ("中低风险"); without one, the page's own label.
export function riskBadge(level, name = "") {
  const known = RISK_LEVELS.includes(level);
  const badge = h("span", { class: `risk-badge risk-${known ? level.toLowerCase() : "unknown"}` });
  badge.append(h("span", { class: "risk-code", text: asText(level) || "?" }));
  if (name) badge.append(" ", h("span", { class: "risk-name", text: name }));
  else if (known) badge.append(" ", label(h("span", { class: "risk-name" }), `risk.${level}`));
  return badge;
}

// "R2", "R2 中低风险" or "R2（中低风险）" → a badge; anything else stays text.
function riskCell(value) {
  const match = /^(R[1-5])(?![0-9])[\s:：(（]*(.*?)[)）]?$/.exec(value);
  return match ? riskBadge(match[1], match[2]) : null;
}

function fact(key, value) {
  const text = asText(value);
  if (!text) return null;
  return h("div", { class: "fact" }, label(h("dt"), key), h("dd", { text }));
}

// onAsk(payload, title) sends a question on the customer's behalf (the "Details" button).
export function productCard(product, onAsk) {
  const code = asText(product.code);
  const name = asText(product.name) || code;
  const yieldInfo = product.yield && typeof product.yield === "object" ? product.yield : {};
  const risks = Array.isArray(product.key_risks)
    ? product.key_risks.map(asText).filter(Boolean).join("；")
    : asText(product.key_risks);
  const headingId = `card-${code}-${Math.random().toString(36).slice(2, 8)}`;
  const card = h(
    "article",
    { class: "product-card", "aria-labelledby": headingId },
    h(
      "header",
      { class: "card-head" },
      h("h3", { id: headingId, class: "card-name", text: name }),
      h("span", { class: "card-code", text: code }),
    ),
    h(
      "div",
      { class: "card-tags" },
      asText(product.type_label) ? h("span", { class: "type-tag", text: product.type_label }) : null,
      asText(product.status_label) ? h("span", { class: "status-tag", text: product.status_label }) : null,
      riskBadge(asText(product.risk_level)),
    ),
  );
  if (asText(yieldInfo.text)) {
    card.append(
      h(
        "p",
        { class: "card-yield" },
        h("span", { class: "yield-kind", text: asText(yieldInfo.kind_label) }),
        h("strong", { class: "yield-value", text: asText(yieldInfo.text) }),
      ),
    );
  }
  card.append(
    h(
      "dl",
      { class: "card-facts" },
      fact("card.term", product.term_text),
      fact("card.minimum", product.min_investment_text),
      fact("card.key_risks", risks),
    ),
  );
  if (code && onAsk) {
    const details = label(h("button", { type: "button", class: "card-details" }), "card.details");
    details.setAttribute("aria-describedby", headingId);
    details.addEventListener("click", () =>
      onAsk(
        `/ask_product_info{"product":"${code.replace(/[^A-Za-z0-9_-]/g, "")}"}`,
        t("card.details.sent", { name }),
      ),
    );
    card.append(details);
  }
  return card;
}

export function productCards(custom, onAsk) {
  const products = asList(custom.products).filter((p) => p && typeof p === "object");
  if (!products.length) return null;
  return h("div", { class: "product-cards" }, products.map((p) => productCard(p, onAsk)));
}

export function comparisonTable(custom) {
  const products = asList(custom.products).filter((p) => p && typeof p === "object");
  const rows = asList(custom.rows).filter((r) => r && typeof r === "object");
  if (!products.length || !rows.length) return null;
  const head = h(
    "tr",
    {},
    label(h("th", { scope: "col" }), "comparison.field"),
    products.map((p) =>
      h(
        "th",
        { scope: "col" },
        h("span", { class: "cmp-name", text: asText(p.name) || asText(p.code) }),
        h("span", { class: "cmp-code", text: asText(p.code) }),
      ),
    ),
  );
  const body = rows.map((row) => {
    const values = asList(row.values);
    return h(
      "tr",
      { "data-field": asText(row.field) },
      h("th", { scope: "row", text: asText(row.label) || asText(row.field) }),
      products.map((_, i) => {
        const value = asText(values[i]);
        const badge = row.field === "risk_level" ? riskCell(value) : null;
        return badge ? h("td", {}, badge) : h("td", { text: value || "—" });
      }),
    );
  });
  // Scrollable by keyboard on a phone, where the table is wider than the screen.
  const scroller = h("div", { class: "table-scroll", tabindex: "0", role: "region" });
  label(scroller, "comparison.caption", null, "aria-label");
  scroller.append(
    h(
      "table",
      { class: "comparison" },
      label(h("caption"), "comparison.caption"),
      h("thead", {}, head),
      h("tbody", {}, body),
    ),
  );
  return scroller;
}
