// Return illustration (custom.type "illustration"): a small bar chart of the gain in each
// scenario, drawn as inline SVG, and the same figures as a table (what screen readers use).

import { asList, asText, h, svg } from "../dom.js";
import { label, language } from "../i18n.js";

const WIDTH = 320;
const ROW = 46;
const VALUE_SPACE = 96; // right margin for the value printed after each bar

export function formatMoney(value, lang = language()) {
  if (typeof value !== "number" || !Number.isFinite(value)) return asText(value);
  return new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-US", {
    style: "currency",
    currency: "CNY",
    minimumFractionDigits: Number.isInteger(value) ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(value);
}

// A number is percent per year (2.5 = 2.5%, as /api/illustrations gives it); a string is
// shown as given ("2.5%–3.2%").
export function formatRate(value) {
  if (typeof value !== "number" || !Number.isFinite(value)) return asText(value);
  return `${value.toFixed(2)}%`;
}

function amount(scenario) {
  if (typeof scenario.gain === "number" && Number.isFinite(scenario.gain)) return scenario.gain;
  return null;
}

// Geometry only, so it can be tested without drawing: x/width of each bar and the zero line.
export function barLayout(values, width = WIDTH - VALUE_SPACE) {
  const numbers = values.map((v) => (typeof v === "number" && Number.isFinite(v) ? v : 0));
  const low = Math.min(0, ...numbers);
  const high = Math.max(0, ...numbers);
  const scale = width / (high - low || 1);
  const zero = -low * scale;
  const bars = numbers.map((v) => ({
    x: v < 0 ? zero + v * scale : zero,
    width: Math.max(Math.abs(v * scale), v === 0 ? 0 : 2),
    negative: v < 0,
  }));
  return { zero, bars };
}

function chart(scenarios) {
  const values = scenarios.map(amount);
  if (values.every((v) => v === null)) return null;
  const { zero, bars } = barLayout(values);
  const height = scenarios.length * ROW + 4;
  const title = svg("title");
  label(title, "illustration.chart");
  const drawing = svg(
    "svg",
    {
      class: "illustration-chart",
      viewBox: `0 0 ${WIDTH} ${height}`,
      role: "img",
      preserveAspectRatio: "xMinYMin meet",
    },
    title,
  );
  scenarios.forEach((scenario, i) => {
    const top = i * ROW + 2;
    const bar = bars[i];
    const tone = bar.negative ? "loss" : ["low", "mid", "high"][Math.min(i, 2)];
    drawing.append(
      svg("text", { x: 0, y: top + 13, class: "chart-label", text: asText(scenario.label) || asText(scenario.name) }),
      svg("rect", { x: bar.x, y: top + 19, width: bar.width, height: 16, rx: 3, class: `chart-bar bar-${tone}` }),
      svg("text", {
        x: bar.negative ? zero + 4 : bar.x + bar.width + 4,
        y: top + 32,
        class: "chart-value",
        text: formatMoney(values[i]),
      }),
    );
  });
  drawing.append(svg("line", { x1: zero, x2: zero, y1: 0, y2: height, class: "chart-axis" }));
  return drawing;
}

function figuresTable(scenarios) {
  const head = h(
    "tr",
    {},
    ["illustration.scenario", "illustration.rate", "illustration.end_value", "illustration.gain"].map(
      (key) => label(h("th", { scope: "col" }), key),
    ),
  );
  const rows = scenarios.map((s) =>
    h(
      "tr",
      {},
      h("th", { scope: "row", text: asText(s.label) || asText(s.name) }),
      h("td", { text: formatRate(s.annual_rate) }),
      h("td", { text: formatMoney(s.end_value) }),
      h("td", { class: typeof s.gain === "number" && s.gain < 0 ? "loss" : null, text: formatMoney(s.gain) }),
    ),
  );
  return h("table", { class: "illustration-table" }, h("thead", {}, head), h("tbody", {}, rows));
}

function notes(key, lines, className) {
  const items = asList(lines).map(asText).filter(Boolean);
  if (!items.length) return null;
  return h(
    "section",
    { class: className },
    label(h("h4"), key),
    h("ul", {}, items.map((line) => h("li", { text: line }))),
  );
}

export function illustration(custom) {
  const scenarios = asList(custom.scenarios).filter((s) => s && typeof s === "object");
  if (!scenarios.length) return null;
  return h(
    "figure",
    { class: "illustration" },
    label(h("figcaption"), "illustration.title"),
    chart(scenarios),
    h("div", { class: "table-scroll" }, figuresTable(scenarios)),
    notes("illustration.assumptions", custom.assumptions, "assumptions"),
    notes("illustration.caveats", custom.caveats, "caveats"),
  );
}
