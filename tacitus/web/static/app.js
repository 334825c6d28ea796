/* tacitus dashboard: a single-page app over the JSON API (no dependencies).
 *
 * Views are hash routes:
 *   #/timeline?a=CHN&b=RUS&by=month    dyad timeline (stacked quad classes, mean Goldstein, index)
 *   #/partners?actor=CHN               an actor's partners
 *   #/network?since=&until=            the country network of a period
 *   #/events?actor=&dyad=A,B&...       the events table, 50 a page
 *   #/map?by=either&shade=count&pick=  events per country on a world map (the events filters), a country's events
 *   #/document/ID                      a document with its events highlighted
 * Every value from the API reaches the page as text (textContent), never as HTML.
 */
"use strict";

(() => {
  const SVGNS = "http://www.w3.org/2000/svg";
  const PAGE = 50;
  const QUADS = [
    { key: "verbal_cooperation", label: "Verbal cooperation", cls: "q1" },
    { key: "material_cooperation", label: "Material cooperation", cls: "q2" },
    { key: "verbal_conflict", label: "Verbal conflict", cls: "q3" },
    { key: "material_conflict", label: "Material conflict", cls: "q4" },
  ];
  const PLOVER_TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
  const STATUSES = ["occurred", "planned", "negated", "hypothetical", "historical"];
  const ROOTS = [
    ["01", "Make statement"], ["02", "Appeal or request"], ["03", "Express intent to cooperate"],
    ["04", "Consult"], ["05", "Diplomatic cooperation"], ["06", "Material cooperation"], ["07", "Provide aid"],
    ["08", "Yield"], ["09", "Investigate"], ["10", "Demand"], ["11", "Disapprove"], ["12", "Reject"],
    ["13", "Threaten"], ["14", "Political dissent"], ["15", "Demonstrate force"], ["16", "Reduce relations"],
    ["17", "Coerce"], ["18", "Unconventional violence"], ["19", "Conventional military force"],
    ["20", "Unconventional mass violence"],
  ];
  const ROLES = ["trigger", "source", "target"];

  // ---- DOM helpers ---------------------------------------------------------------------------

  function append(node, children) {
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      if (Array.isArray(c)) append(node, c);
      else node.append(c instanceof Node ? c : String(c));
    }
    return node;
  }

  function setAttrs(node, attrs) {
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : String(v));
    }
    return node;
  }

  /** An HTML element: h("a", {href: "#"}, "text", child, ...). */
  function h(tag, attrs, ...children) {
    return append(setAttrs(document.createElement(tag), attrs), children);
  }

  /** An SVG element. */
  function s(tag, attrs, ...children) {
    return append(setAttrs(document.createElementNS(SVGNS, tag), attrs), children);
  }

  function r1(x) { return Math.round(x * 10) / 10; }
  function clamp(x, lo, hi) { return Math.max(lo, Math.min(hi, x)); }
  function fmtInt(n) { return n === null || n === undefined ? "–" : Number(n).toLocaleString("en"); }
  function fmtSigned(x, digits = 2) {
    if (x === null || x === undefined || Number.isNaN(x)) return "–";
    const v = Number(x).toFixed(digits);
    return x > 0 ? "+" + v : v;
  }
  function plural(n, word, many) { return `${fmtInt(n)} ${n === 1 ? word : (many || word + "s")}`; }

  /** Goldstein (-10..+10) to a colour: red for conflict, grey at 0, green for cooperation. */
  function goldColor(g) {
    if (g === null || g === undefined) return "rgb(170,170,170)";
    const t = clamp(g / 10, -1, 1);
    const k = Math.sqrt(Math.abs(t));
    const grey = [190, 190, 190];
    const end = t < 0 ? [196, 40, 40] : [26, 140, 70];
    const c = grey.map((v, i) => Math.round(v + (end[i] - v) * k));
    return `rgb(${c[0]},${c[1]},${c[2]})`;
  }

  function goldLegend(label) {
    const stops = [];
    for (let g = -10; g <= 10; g += 2.5) stops.push(`${goldColor(g)} ${(g + 10) * 5}%`);
    return h("div", { class: "gradient-legend" },
      h("span", { class: "gl-label" }, label),
      h("span", { class: "gl-end" }, "−10 conflict"),
      h("span", { class: "gl-bar", style: `background: linear-gradient(to right, ${stops.join(", ")})` }),
      h("span", { class: "gl-end" }, "+10 cooperation"));
  }

  // ---- API -----------------------------------------------------------------------------------

  class ApiError extends Error {
    constructor(status, code, message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  async function api(path, params, signal) {
    const url = new URL(path, location.origin);
    for (const [k, v] of Object.entries(params || {})) {
      if (v !== undefined && v !== null && v !== "") url.searchParams.set(k, v);
    }
    let res;
    try {
      res = await fetch(url, { signal, headers: { Accept: "application/json" } });
    } catch (e) {
      if (e.name === "AbortError") throw e;
      throw new ApiError(0, "network", "Could not reach the tacitus server.");
    }
    let body = null;
    try { body = await res.json(); } catch (e) { body = null; }
    if (!res.ok) {
      const err = body && body.error;
      throw new ApiError(res.status, (err && err.code) || "http_error",
        (err && err.message) || `The server answered ${res.status} ${res.statusText}.`);
    }
    if (body === null) throw new ApiError(res.status, "bad_json", "The server sent an unreadable answer.");
    return body;
  }

  function errorBox(e) {
    const where = e.status ? ` (${e.status}${e.code ? " " + e.code : ""})` : "";
    return h("div", { class: "error", role: "alert" },
      h("strong", {}, "Error" + where + ": "), e.message || String(e));
  }

  function empty(message, hint) {
    return h("div", { class: "empty" }, h("p", {}, message), hint ? h("p", { class: "hint" }, hint) : null);
  }

  /** Fill `box` with what `fn` returns, showing a loading state, then the API's error if it fails. */
  async function into(box, signal, fn) {
    box.replaceChildren(h("p", { class: "loading" }, "Loading…"));
    box.setAttribute("aria-busy", "true");
    box.dataset.state = "loading";
    try {
      const nodes = await fn();
      if (signal.aborted) return;
      box.replaceChildren();
      append(box, [nodes]);
      box.dataset.state = nodes instanceof Element && nodes.classList.contains("empty") ? "empty" : "ready";
    } catch (e) {
      if (e.name === "AbortError" || signal.aborted) return;
      box.replaceChildren(errorBox(e));
      box.dataset.state = "error";
    } finally {
      box.removeAttribute("aria-busy");
    }
  }

  // ---- routing -------------------------------------------------------------------------------

  function safeDecode(x) {
    try { return decodeURIComponent(x); } catch (e) { return x; }
  }

  function parseHash() {
    const raw = location.hash.replace(/^#\/?/, "");
    const qi = raw.indexOf("?");
    const path = qi >= 0 ? raw.slice(0, qi) : raw;
    const params = new URLSearchParams(qi >= 0 ? raw.slice(qi + 1) : "");
    const slash = path.indexOf("/");
    const name = (slash >= 0 ? path.slice(0, slash) : path) || "timeline";
    const arg = slash >= 0 ? safeDecode(path.slice(slash + 1)) : "";
    return { name, arg, params };
  }

  /** A hash address; empty values are left out, except those named in `keep` (an empty B means "no B"). */
  function href(name, params, arg, keep) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) {
      if (v !== undefined && v !== null && (v !== "" || (keep && keep.includes(k)))) q.set(k, v);
    }
    const qs = q.toString();
    return `#/${name}${arg ? "/" + encodeURIComponent(arg) : ""}${qs ? "?" + qs : ""}`;
  }

  function go(target) {
    if (location.hash === target) route();
    else location.hash = target;
  }

  let controller = null;
  let onResize = null;

  async function route() {
    const r = parseHash();
    const view = VIEWS[r.name];
    if (controller) controller.abort();
    const ctl = new AbortController();
    controller = ctl;
    onResize = null;
    for (const a of document.querySelectorAll("nav a[data-route]")) {
      if (a.dataset.route === r.name) a.setAttribute("aria-current", "page");
      else a.removeAttribute("aria-current");
    }
    const root = document.getElementById("view");
    root.replaceChildren();
    if (!view) {
      document.title = "Not found · tacitus";
      root.append(h("h1", {}, "Page not found"),
        empty(`There is no view called “${r.name}”.`, "Use the links above."));
      return;
    }
    try {
      await view(root, r.params, r.arg, ctl.signal);
    } catch (e) {
      if (e.name !== "AbortError" && !ctl.signal.aborted) root.append(errorBox(e));
    }
  }

  // ---- forms ---------------------------------------------------------------------------------

  function viewHead(title, lede) {
    return h("div", { class: "view-head" }, h("h1", {}, title), h("p", { class: "lede" }, lede));
  }

  function field(label, input, hint) {
    return h("label", { class: "field" }, h("span", { class: "field-label" }, label), input,
      hint ? h("span", { class: "field-hint" }, hint) : null);
  }

  function input(name, value, attrs) {
    return h("input", Object.assign({ name, value: value || "", type: "text", autocomplete: "off",
      spellcheck: "false" }, attrs || {}));
  }

  function select(name, value, options) {
    const el = h("select", { name });
    for (const opt of options) {
      const [v, label] = Array.isArray(opt) ? opt : [opt, opt];
      el.append(h("option", { value: v, selected: v === value }, label));
    }
    return el;
  }

  function filterForm(fields, onSubmit, extra) {
    const form = h("form", { class: "filters", novalidate: true },
      fields,
      h("div", { class: "actions" }, h("button", { type: "submit", class: "primary" }, "Show"), extra || null));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const values = {};
      for (const [k, v] of new FormData(form).entries()) values[k] = String(v).trim();
      onSubmit(values);
    });
    return form;
  }

  const upper = (x) => (x || "").trim().toUpperCase();

  // ---- periods -------------------------------------------------------------------------------

  function parseDay(text) {
    const [y, m, d] = String(text).slice(0, 10).split("-").map(Number);
    return new Date(Date.UTC(y, (m || 1) - 1, d || 1));
  }

  function isoDay(dt) { return dt.toISOString().slice(0, 10); }

  function nextPeriod(dt, by) {
    const n = new Date(dt.getTime());
    if (by === "day") n.setUTCDate(n.getUTCDate() + 1);
    else if (by === "week") n.setUTCDate(n.getUTCDate() + 7);
    else if (by === "month") n.setUTCMonth(n.getUTCMonth() + 1);
    else n.setUTCFullYear(n.getUTCFullYear() + 1);
    return n;
  }

  function periodEnd(start, by) {
    const n = nextPeriod(parseDay(start), by);
    n.setUTCDate(n.getUTCDate() - 1);
    return isoDay(n);
  }

  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  function periodLabel(text, by) {
    const d = parseDay(text);
    if (by === "year") return String(d.getUTCFullYear());
    if (by === "month") return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
    if (by === "week") return `wk ${isoDay(d)}`;
    return isoDay(d);
  }

  /** The periods from the first to the last, with the empty ones in between (null rows). */
  function fillPeriods(items, by) {
    if (!items.length) return [];
    const have = new Map(items.map((r) => [r.period, r]));
    const out = [];
    const last = parseDay(items[items.length - 1].period);
    for (let d = parseDay(items[0].period); d <= last; d = nextPeriod(d, by)) {
      const key = isoDay(d);
      out.push({ period: key, row: have.get(key) || null });
      if (out.length > 2000) return items.map((r) => ({ period: r.period, row: r }));
    }
    return out;
  }

  function niceStep(max, count) {
    const raw = Math.max(max, 1) / count;
    const mag = Math.pow(10, Math.floor(Math.log10(raw)));
    const f = raw / mag;
    const step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
    return Math.max(1, step);
  }

  /** The width a chart can take inside `box` (its content box). */
  function chartWidth(box, min = 520) {
    const cs = getComputedStyle(box);
    const inner = box.clientWidth - parseFloat(cs.paddingLeft || "0") - parseFloat(cs.paddingRight || "0");
    return Math.max(min, Math.floor(inner > 0 ? inner : 960));
  }

  // ---- timeline ------------------------------------------------------------------------------

  async function timelineView(root, p, _arg, signal) {
    const a = upper(p.get("a")) || "CHN";
    const b = p.has("b") ? upper(p.get("b")) : "RUS";
    const by = ["day", "week", "month", "year"].includes(p.get("by")) ? p.get("by") : "month";
    const direction = ["both", "out", "in"].includes(p.get("direction")) ? p.get("direction") : "both";
    const since = p.get("since") || "";
    const until = p.get("until") || "";
    document.title = `Timeline ${a}${b ? "–" + b : ""} · tacitus`;

    const swap = h("button", { type: "button", class: "ghost", title: "Swap A and B" }, "⇄ Swap");
    const link = (q) => href("timeline", Object.assign({}, q, { direction: q.direction === "both" ? "" : q.direction }),
      "", ["b"]);
    swap.addEventListener("click", () => go(link({ a: b || a, b: b ? a : "", by, since, until, direction })));
    root.append(
      viewHead("Dyad timeline", "Events between two actors per period, by quad class, with the mean Goldstein "
          + "score and the cooperation–conflict index. Actor codes match as prefixes (CHN includes CHNGOV)."),
      filterForm([
        field("Actor A", input("a", a, { placeholder: "CHN", maxlength: 50 })),
        field("Actor B", input("b", b, { placeholder: "RUS (empty: all partners)", maxlength: 50 })),
        field("Period", select("by", by, ["day", "week", "month", "year"])),
        field("Direction", select("direction", direction, [["both", "A ⇄ B"], ["out", "A → B"], ["in", "B → A"]])),
        field("Since", input("since", since, { type: "date" })),
        field("Until", input("until", until, { type: "date" })),
      ], (v) => go(link({ a: upper(v.a) || "CHN", b: upper(v.b), by: v.by, direction: v.direction,
        since: v.since, until: v.until })), swap));

    const box = h("section", { class: "panel", "data-testid": "timeline-chart" });
    root.append(box);
    await into(box, signal, async () => {
      const data = await api("/api/series", { a, b, by, since, until, direction }, signal);
      const items = data.items || [];
      const who = b ? `${a} and ${b}` : a;
      if (!items.length) {
        return empty(`No data: no events between ${who} in this period.`,
          "Try other actor codes (e.g. USA, IND, JPN), a wider date range, or the Network view to see who is in the store.");
      }
      let total = 0, coop = 0, conf = 0, gsum = 0;
      for (const r of items) {
        total += r.events;
        coop += r.verbal_cooperation + r.material_cooperation;
        conf += r.verbal_conflict + r.material_conflict;
        gsum += r.total_goldstein || 0;
      }
      const index = coop + conf ? (coop - conf) / (coop + conf) : null;
      const eventsParams = (from, to) => {
        const q = { since: from, until: to };
        if (!b) q.actor = a;
        else if (direction === "out") Object.assign(q, { source: a, target: b });
        else if (direction === "in") Object.assign(q, { source: b, target: a });
        else q.dyad = `${a},${b}`;
        return q;
      };
      const chart = h("div", { class: "chart" });
      const draw = () => chart.replaceChildren(timelineSvg(items, by, chartWidth(box), (row) =>
        go(href("events", eventsParams(row.period, periodEnd(row.period, by))))));
      onResize = draw;
      draw();

      const stats = h("div", { class: "stats" },
        stat(fmtInt(total), "events"),
        stat(fmtInt(items.length), items.length === 1 ? by : by + "s with events"),
        stat(fmtSigned(total ? gsum / total : null), "mean Goldstein"),
        stat(fmtSigned(index), "cooperation–conflict index"),
        h("a", { class: "stat-link", href: href("events", eventsParams(since, until)) }, "List these events →"));

      const legend = h("ul", { class: "legend" },
        QUADS.map((q) => h("li", {}, h("span", { class: `swatch ${q.cls}` }), q.label)),
        h("li", {}, h("span", { class: "swatch line" }), "Mean Goldstein (right axis)"),
        h("li", {}, h("span", { class: "swatch idx" }), "Cooperation–conflict index (−1…+1)"));

      const table = h("table", { class: "data" },
        h("thead", {}, h("tr", {}, h("th", {}, "Period"), h("th", { class: "num" }, "Events"),
          QUADS.map((q) => h("th", { class: "num" }, q.label)), h("th", { class: "num" }, "Mean Goldstein"),
          h("th", { class: "num" }, "Index"), h("th", {}, "PLOVER types"))),
        h("tbody", {}, items.map((r) => h("tr", {},
          h("td", {}, h("a", { href: href("events", eventsParams(r.period, periodEnd(r.period, by))) },
            periodLabel(r.period, by))),
          h("td", { class: "num" }, fmtInt(r.events)),
          QUADS.map((q) => h("td", { class: "num" }, fmtInt(r[q.key]))),
          h("td", { class: "num" }, fmtSigned(r.mean_goldstein)),
          h("td", { class: "num" }, fmtSigned(r.index)),
          h("td", { class: "small" }, Object.entries(r.plover || {}).sort((x, y) => y[1] - x[1])
            .map(([t, n]) => `${t} ${n}`).join(", "))))));

      return [
        h("h2", {}, b ? `${a} ${direction === "out" ? "→" : direction === "in" ? "←" : "⇄"} ${b}` : `${a} with everyone`,
          h("span", { class: "sub" }, ` by ${by}`)),
        stats, legend, chart,
        h("details", { class: "table-wrap" }, h("summary", {}, `Table (${plural(items.length, "period")})`), table),
      ];
    });
  }

  function stat(value, label) {
    return h("div", { class: "stat" }, h("span", { class: "stat-value" }, value), h("span", { class: "stat-label" }, label));
  }

  function timelineSvg(items, by, width, onPick) {
    const periods = fillPeriods(items, by);
    const W = width, H = 400;
    const m = { l: 52, r: 58, t: 14 };
    const mainH = 240, gap = 46, idxH = 64;
    const plotW = W - m.l - m.r;
    const yMain0 = m.t + mainH; // baseline of the bars
    const idxTop = yMain0 + gap;
    const idxMid = idxTop + idxH / 2;
    const n = periods.length;
    const step = plotW / n;
    const bw = Math.max(1, Math.min(step * 0.72, 64));
    const cx = (i) => m.l + step * (i + 0.5);
    const maxCount = Math.max(1, ...items.map((r) => r.events));
    const yStep = niceStep(maxCount, 5);
    const yMax = Math.ceil(maxCount / yStep) * yStep;
    const y = (v) => yMain0 - (v / yMax) * mainH;
    const yg = (g) => m.t + ((10 - g) / 20) * mainH;
    const yi = (v) => idxMid - v * (idxH / 2);

    const svg = s("svg", { class: "timeline", width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: "img",
      "aria-label": "Events per period by quad class, mean Goldstein and cooperation-conflict index" });
    const axes = s("g", { class: "axes" });
    // left axis (counts) with grid
    for (let v = 0; v <= yMax; v += yStep) {
      axes.append(s("line", { class: v === 0 ? "axis" : "grid", x1: m.l, x2: W - m.r, y1: r1(y(v)), y2: r1(y(v)) }),
        s("text", { class: "tick", x: m.l - 8, y: r1(y(v)) + 4, "text-anchor": "end" }, fmtInt(v)));
    }
    // right axis (Goldstein)
    for (const g of [-10, -5, 0, 5, 10]) {
      axes.append(s("text", { class: "tick gold", x: W - m.r + 8, y: r1(yg(g)) + 4 }, fmtSigned(g, 0)));
    }
    axes.append(s("line", { class: "zero-gold", x1: m.l, x2: W - m.r, y1: r1(yg(0)), y2: r1(yg(0)) }));
    axes.append(
      s("text", { class: "axis-title", x: 14, y: m.t + mainH / 2, transform: `rotate(-90 14 ${m.t + mainH / 2})`,
        "text-anchor": "middle" }, "Events"),
      s("text", { class: "axis-title gold", x: W - 12, y: m.t + mainH / 2,
        transform: `rotate(90 ${W - 12} ${m.t + mainH / 2})`, "text-anchor": "middle" }, "Mean Goldstein"));
    // x labels, thinned so they do not collide
    const labelEvery = Math.max(1, Math.ceil(76 / step));
    periods.forEach((p, i) => {
      if (i % labelEvery === 0) {
        axes.append(s("text", { class: "tick", x: r1(cx(i)), y: yMain0 + 18, "text-anchor": "middle" },
          periodLabel(p.period, by)));
      }
    });
    // index panel axes
    axes.append(
      s("text", { class: "panel-title", x: m.l, y: idxTop - 6 }, "Cooperation–conflict index"),
      s("line", { class: "axis", x1: m.l, x2: W - m.r, y1: idxMid, y2: idxMid }),
      s("line", { class: "grid", x1: m.l, x2: W - m.r, y1: yi(1), y2: yi(1) }),
      s("line", { class: "grid", x1: m.l, x2: W - m.r, y1: yi(-1), y2: yi(-1) }),
      s("text", { class: "tick", x: m.l - 8, y: yi(1) + 4, "text-anchor": "end" }, "+1"),
      s("text", { class: "tick", x: m.l - 8, y: idxMid + 4, "text-anchor": "end" }, "0"),
      s("text", { class: "tick", x: m.l - 8, y: yi(-1) + 4, "text-anchor": "end" }, "−1"));
    svg.append(axes);

    const bars = s("g", { class: "bars" });
    const idx = s("g", { class: "index" });
    let line = "", gaps = "";
    let pen = false, last = null;
    const points = s("g", { class: "points" });
    periods.forEach((p, i) => {
      const r = p.row;
      if (!r) { pen = false; return; }
      const label = periodLabel(r.period, by);
      let base = 0;
      const x = r1(cx(i) - bw / 2);
      for (const q of QUADS) {
        const v = r[q.key] || 0;
        if (!v) continue;
        const top = y(base + v);
        const rect = s("rect", { class: `bar ${q.cls}`, x, y: r1(top), width: r1(bw), height: r1(y(base) - top),
          "data-period": r.period }, s("title", {}, `${label}: ${v} ${q.label.toLowerCase()} (of ${r.events} events)`));
        rect.addEventListener("click", () => onPick(r));
        bars.append(rect);
        base += v;
      }
      if (r.mean_goldstein !== null && r.mean_goldstein !== undefined) {
        const px = r1(cx(i)), py = r1(yg(r.mean_goldstein));
        line += `${pen ? "L" : "M"}${px},${py}`;
        if (!pen && last) gaps += `M${last[0]},${last[1]}L${px},${py}`; // across periods without events
        pen = true;
        last = [px, py];
        points.append(s("circle", { class: "gpoint", cx: px, cy: py, r: 3.5 },
          s("title", {}, `${label}: mean Goldstein ${fmtSigned(r.mean_goldstein)}`)));
      } else {
        pen = false;
      }
      if (r.index !== null && r.index !== undefined) {
        const top = Math.min(yi(r.index), idxMid), hgt = Math.max(1, Math.abs(yi(r.index) - idxMid));
        idx.append(s("rect", { class: `idx ${r.index >= 0 ? "pos" : "neg"}`, x, y: r1(top), width: r1(bw),
          height: r1(hgt) }, s("title", {}, `${label}: index ${fmtSigned(r.index)}`)));
      }
    });
    svg.append(bars, idx);
    if (gaps) svg.append(s("path", { class: "gline gap", d: gaps }));
    if (line) svg.append(s("path", { class: "gline", d: line }));
    svg.append(points);
    return svg;
  }

  // ---- partners ------------------------------------------------------------------------------

  async function partnersView(root, p, _arg, signal) {
    const actor = upper(p.get("actor")) || "CHN";
    const since = p.get("since") || "", until = p.get("until") || "";
    const limit = p.get("limit") || "20";
    document.title = `Partners of ${actor} · tacitus`;
    root.append(
      viewHead("Partners", "The countries and organisations an actor has most events with (either direction), "
          + "coloured by mean Goldstein score."),
      filterForm([
        field("Actor", input("actor", actor, { placeholder: "CHN", maxlength: 50 })),
        field("Since", input("since", since, { type: "date" })),
        field("Until", input("until", until, { type: "date" })),
        field("Show", select("limit", limit, [["10", "top 10"], ["20", "top 20"], ["50", "top 50"], ["100", "top 100"]])),
      ], (v) => go(href("partners", { actor: upper(v.actor) || "CHN", since: v.since, until: v.until,
        limit: v.limit === "20" ? "" : v.limit }))));

    const box = h("section", { class: "panel", "data-testid": "partners-chart" });
    root.append(box);
    await into(box, signal, async () => {
      const data = await api("/api/partners", { actor, since, until, limit }, signal);
      const items = data.items || [];
      if (!items.length) {
        return empty(`No data: ${actor} has no partners in this period.`,
          "Actor codes match as prefixes: try a country code such as CHN, USA or RUS.");
      }
      const chart = h("div", { class: "chart" });
      const draw = () => chart.replaceChildren(partnersSvg(actor, items, chartWidth(box)));
      onResize = draw;
      draw();
      const table = h("table", { class: "data" },
        h("thead", {}, h("tr", {}, h("th", {}, "Partner"), h("th", { class: "num" }, "Events"),
          h("th", { class: "num" }, "Mean Goldstein"), h("th", { class: "num" }, "Cooperation"),
          h("th", { class: "num" }, "Conflict"), h("th", { class: "num" }, "Index"), h("th", {}, ""))),
        h("tbody", {}, items.map((r) => h("tr", {},
          h("td", {}, h("span", { class: "dot", style: `background:${goldColor(r.mean_goldstein)}` }), r.partner),
          h("td", { class: "num" }, fmtInt(r.events)),
          h("td", { class: "num" }, fmtSigned(r.mean_goldstein)),
          h("td", { class: "num" }, fmtInt(r.cooperation)),
          h("td", { class: "num" }, fmtInt(r.conflict)),
          h("td", { class: "num" }, fmtSigned(r.index)),
          h("td", { class: "links" },
            h("a", { href: href("timeline", { a: actor, b: r.partner }) }, "timeline"), " · ",
            h("a", { href: href("events", { dyad: `${actor},${r.partner}`, since, until }) }, "events"))))));
      return [
        h("h2", {}, `${actor}: ${plural(items.length, "partner")}`),
        goldLegend("Bar colour: mean Goldstein"),
        chart,
        table,
      ];
    });
  }

  function partnersSvg(actor, items, width) {
    const rowH = 28, labelW = 110, valueW = 120;
    const W = Math.min(width, 1100), H = items.length * rowH + 30;
    const plotW = W - labelW - valueW;
    const max = Math.max(1, ...items.map((r) => r.events));
    const step = niceStep(max, 5);
    const xMax = Math.ceil(max / step) * step;
    const x = (v) => labelW + (v / xMax) * plotW;
    const svg = s("svg", { class: "partners", width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: "img",
      "aria-label": `Partners of ${actor} by number of events` });
    const axes = s("g", { class: "axes" });
    for (let v = 0; v <= xMax; v += step) {
      axes.append(s("line", { class: v === 0 ? "axis" : "grid", x1: r1(x(v)), x2: r1(x(v)), y1: 0, y2: H - 22 }),
        s("text", { class: "tick", x: r1(x(v)), y: H - 6, "text-anchor": "middle" }, fmtInt(v)));
    }
    svg.append(axes);
    items.forEach((r, i) => {
      const top = i * rowH + 4;
      const g = s("g", { class: "prow" });
      const a = s("a", { href: href("timeline", { a: actor, b: r.partner }) },
        s("text", { class: "plabel", x: labelW - 10, y: top + rowH / 2 + 1, "text-anchor": "end" }, r.partner));
      const bar = s("rect", { class: "bar", x: labelW, y: top + 3, width: r1(Math.max(2, x(r.events) - labelW)),
        height: rowH - 10, fill: goldColor(r.mean_goldstein), rx: 2 },
          s("title", {}, `${actor} – ${r.partner}: ${plural(r.events, "event")}, mean Goldstein ` +
            `${fmtSigned(r.mean_goldstein)}, ${r.cooperation} cooperative, ${r.conflict} conflictual`));
      bar.addEventListener("click", () => go(href("timeline", { a: actor, b: r.partner })));
      g.append(a, bar,
        s("text", { class: "pvalue", x: r1(x(r.events) + 8), y: top + rowH / 2 + 1 },
          `${fmtInt(r.events)}  ·  ${fmtSigned(r.mean_goldstein)}`));
      svg.append(g);
    });
    return svg;
  }

  // ---- network -------------------------------------------------------------------------------

  async function networkView(root, p, _arg, signal) {
    const since = p.get("since") || "", until = p.get("until") || "";
    const minEvents = p.get("min_events") || "1";
    const limit = p.get("limit") || "200";
    document.title = "Network · tacitus";
    root.append(
      viewHead("Network", "Who acts towards whom in a period: countries and organisations on a circle "
          + "(size by events), directed ties (width by events, colour by mean Goldstein)."),
      filterForm([
        field("Since", input("since", since, { type: "date" })),
        field("Until", input("until", until, { type: "date" })),
        field("Min. events per tie", input("min_events", minEvents, { type: "number", min: 1, step: 1 })),
        field("Max. ties", input("limit", limit, { type: "number", min: 1, max: 1000, step: 1 })),
      ], (v) => go(href("network", { since: v.since, until: v.until,
        min_events: v.min_events === "1" ? "" : v.min_events, limit: v.limit === "200" ? "" : v.limit }))));

    const box = h("section", { class: "panel", "data-testid": "network-chart" });
    root.append(box);
    await into(box, signal, async () => {
      const data = await api("/api/network", { since, until, min_events: minEvents, limit }, signal);
      // a stable layout: the API orders by events only, so equal counts may come in any order
      const byId = (x, y) => (x < y ? -1 : x > y ? 1 : 0);
      const nodes = [...(data.nodes || [])].sort((x, y) => y.events - x.events || byId(x.id, y.id));
      const edges = [...(data.edges || [])].sort((x, y) => y.events - x.events || byId(x.source, y.source)
        || byId(x.target, y.target));
      if (!edges.length) {
        return empty("No data: no ties between actors in this period.", "Widen the dates or lower the minimum.");
      }
      const chart = h("div", { class: "chart network-chart" });
      const draw = () => {
        const w = chartWidth(box);
        chart.replaceChildren(networkSvg(nodes, edges, w >= 1000 ? w - 330 : w, { since, until }));
      };
      onResize = draw;
      draw();
      const total = edges.reduce((t, e) => t + e.events, 0);
      const top = edges.slice(0, 15);
      const side = h("div", { class: "net-side" },
        h("h3", {}, "Strongest ties"),
        h("table", { class: "data compact" },
          h("thead", {}, h("tr", {}, h("th", {}, "Tie"), h("th", { class: "num" }, "Events"), h("th", { class: "num" }, "Goldstein"))),
          h("tbody", {}, top.map((e) => h("tr", {},
            h("td", {}, h("a", { href: href("events", { source: e.source, target: e.target, since, until }) },
              `${e.source} → ${e.target}`)),
            h("td", { class: "num" }, fmtInt(e.events)),
            h("td", { class: "num" }, h("span", { class: "dot", style: `background:${goldColor(e.mean_goldstein)}` }),
              fmtSigned(e.mean_goldstein)))))));
      return [
        h("div", { class: "stats" }, stat(fmtInt(nodes.length), "actors"), stat(fmtInt(edges.length), "directed ties"),
          stat(fmtInt(total), "events on these ties")),
        h("div", { class: "legend-row" },
          goldLegend("Tie colour: mean Goldstein"),
          h("span", { class: "hint" }, "Hover a node to follow its ties; click a node for its partners, a tie for its events.")),
        h("div", { class: "net-layout" }, chart, side),
      ];
    });
  }

  function networkSvg(nodes, edges, width, period) {
    const W = Math.max(520, width), H = Math.round(clamp(W * 0.62, 420, 540));
    const cx = W / 2, cy = H / 2;
    const R = Math.max(80, Math.min(W / 2 - 100, H / 2 - 40));
    const maxNode = Math.max(1, ...nodes.map((n) => n.events));
    const maxEdge = Math.max(1, ...edges.map((e) => e.events));
    // node radius: by events, never so large that neighbours on the circle touch
    const spacing = (2 * Math.PI * R) / Math.max(nodes.length, 1);
    const rMax = clamp(spacing * 0.32, 5, 20), rMin = Math.min(3.5, rMax);
    // slots: the busiest actors spread around the circle (golden-ratio order), not bunched together
    const order = nodes.map((n, i) => ({ n, key: (i * 0.6180339887) % 1 })).sort((x, y) => x.key - y.key);
    const pos = new Map();
    order.forEach(({ n }, slot) => {
      const t = -Math.PI / 2 + (2 * Math.PI * slot) / nodes.length;
      pos.set(n.id, { x: cx + R * Math.cos(t), y: cy + R * Math.sin(t), t,
        r: rMin + (rMax - rMin) * Math.sqrt(n.events / maxNode), n });
    });
    const svg = s("svg", { class: "network", width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: "img",
      "aria-label": "Network of actors: nodes by events, directed ties" });
    const gEdges = s("g", { class: "edges" });
    const byNode = new Map();
    // thin ties first, so strong ones are drawn on top
    for (const e of [...edges].reverse()) {
      const a = pos.get(e.source), b = pos.get(e.target);
      if (!a || !b) continue;
      const dx = b.x - a.x, dy = b.y - a.y, d = Math.hypot(dx, dy) || 1;
      // bend to the left of the direction of travel: A->B and B->A never overlap
      const bend = Math.min(60, Math.max(14, d * 0.16));
      const c = { x: (a.x + b.x) / 2 + (dy / d) * bend, y: (a.y + b.y) / 2 - (dx / d) * bend };
      const w = 1 + 6 * Math.sqrt(e.events / maxEdge);
      const head = 5 + w * 1.4;
      const u0 = unit(c.x - a.x, c.y - a.y), u1 = unit(b.x - c.x, b.y - c.y);
      const p0 = { x: a.x + u0.x * (a.r + 1), y: a.y + u0.y * (a.r + 1) };
      const tip = { x: b.x - u1.x * (b.r + 2), y: b.y - u1.y * (b.r + 2) };
      const baseP = { x: tip.x - u1.x * head, y: tip.y - u1.y * head };
      const colour = goldColor(e.mean_goldstein);
      const g = s("g", { class: "edge", "data-source": e.source, "data-target": e.target },
        s("title", {}, `${e.source} → ${e.target}: ${plural(e.events, "event")}, mean Goldstein ${fmtSigned(e.mean_goldstein)}`),
        s("path", { class: "tie", d: `M${r1(p0.x)},${r1(p0.y)}Q${r1(c.x)},${r1(c.y)} ${r1(baseP.x)},${r1(baseP.y)}`,
          stroke: colour, "stroke-width": r1(w), fill: "none" }),
        s("path", { class: "arrow", fill: colour,
          d: `M${r1(tip.x)},${r1(tip.y)}L${r1(baseP.x - u1.y * head * 0.55)},${r1(baseP.y + u1.x * head * 0.55)}` +
            `L${r1(baseP.x + u1.y * head * 0.55)},${r1(baseP.y - u1.x * head * 0.55)}Z` }));
      g.addEventListener("click", () => go(href("events", { source: e.source, target: e.target,
        since: period.since, until: period.until })));
      gEdges.append(g);
      for (const id of [e.source, e.target]) {
        if (!byNode.has(id)) byNode.set(id, []);
        byNode.get(id).push(g);
      }
    }
    const gNodes = s("g", { class: "nodes" });
    // labels: the busiest 48 actors (all others are named on hover), pushed outwards where they would collide
    const labelled = new Set(nodes.slice(0, 48).map((n) => n.id));
    const boxes = [];
    const place = (q, id) => {
      const cos = Math.cos(q.t), sin = Math.sin(q.t);
      const anchor = cos > 0.2 ? "start" : cos < -0.2 ? "end" : "middle";
      const w = id.length * 8.4 + 6, hgt = 14;  // bold 11.5px capitals
      let out = q.r + 6, box = null, x = 0, y = 0;
      for (let tries = 0; tries < 6; tries++, out += 13) {
        x = q.x + cos * out;
        y = q.y + sin * out + (Math.abs(cos) <= 0.2 ? (sin > 0 ? 10 : -2) : 4);
        const left = anchor === "start" ? x : anchor === "end" ? x - w : x - w / 2;
        box = { l: left, r: left + w, t: y - 10, b: y - 10 + hgt };
        if (!boxes.some((o) => box.l < o.r && o.l < box.r && box.t < o.b && o.t < box.b)) break;
      }
      boxes.push(box);
      return s("text", { x: r1(x), y: r1(y), "text-anchor": anchor }, id);
    };
    for (const [id, q] of pos) {
      const g = s("g", { class: "node", tabindex: 0, "data-id": id },
        s("title", {}, `${id}: ${plural(q.n.events, "event")} on the ties shown`),
        s("circle", { cx: r1(q.x), cy: r1(q.y), r: r1(q.r) }),
        labelled.has(id) ? place(q, id) : null);
      const on = () => {
        svg.classList.add("focus");
        g.classList.add("hot");
        for (const e of byNode.get(id) || []) e.classList.add("hot");
      };
      const off = () => {
        svg.classList.remove("focus");
        g.classList.remove("hot");
        for (const e of byNode.get(id) || []) e.classList.remove("hot");
      };
      g.addEventListener("mouseenter", on);
      g.addEventListener("mouseleave", off);
      g.addEventListener("focus", on);
      g.addEventListener("blur", off);
      const open = () => go(href("partners", { actor: id, since: period.since, until: period.until }));
      g.addEventListener("click", open);
      g.addEventListener("keydown", (ev) => { if (ev.key === "Enter") open(); });
      gNodes.append(g);
    }
    svg.append(gEdges, gNodes);
    return svg;
  }

  function unit(x, y) {
    const d = Math.hypot(x, y) || 1;
    return { x: x / d, y: y / d };
  }

  // ---- events --------------------------------------------------------------------------------

  const EVENT_FILTERS = ["actor", "source", "target", "dyad", "code", "root", "plover", "status", "main", "since",
    "until", "q", "document", "country", "source_country", "target_country", "sort"];
  // filters the form has no field for: set by a link (a document, a country on the map), shown as chips
  const CHIP_FILTERS = [["document", "Document"], ["country", "Country (either side)"],
    ["source_country", "Source country"], ["target_country", "Target country"]];

  function actorLabel(a) {
    if (!a) return h("span", { class: "muted" }, "—");
    return h("span", { class: "actor", title: [a.name, a.text].filter(Boolean).join(" · ") || a.code }, a.code);
  }

  function statusBadge(st) {
    return h("span", { class: `status st-${String(st || "").replace(/[^a-z]/g, "")}` }, st || "—");
  }

  function goldBadge(g) {
    return h("span", { class: "gold-badge", style: `border-color:${goldColor(g)};color:${goldColor(g)}` }, fmtSigned(g, 1));
  }

  /** The evidence sentence, with the trigger emphasised where it is found once. */
  function evidenceText(ev) {
    const text = (ev.evidence && ev.evidence.text) || "";
    const trig = ev.evidence && ev.evidence.trigger;
    const i = trig ? text.indexOf(trig) : -1;
    if (i < 0 || text.indexOf(trig, i + 1) >= 0) return text;
    return [text.slice(0, i), h("b", {}, trig), text.slice(i + trig.length)];
  }

  function readFilters(p) {
    const f = {};
    for (const k of EVENT_FILTERS) f[k] = p.get(k) || "";
    return f;
  }

  /** The events form's values as an address's filters: codes upper-cased, the default sort left out. */
  function cleanFilters(v) {
    const q = {};
    for (const k of EVENT_FILTERS) q[k] = v[k] || "";
    for (const k of ["actor", "source", "target", "dyad"]) q[k] = upper(q[k]).replace(/\s+/g, "");
    if (q.sort === "date") q.sort = "";
    return q;
  }

  /** The events filters' fields (the events view and the map share them); chip filters ride as hidden inputs. */
  function eventFields(f) {
    return [
      field("Actor (either side)", input("actor", f.actor, { placeholder: "CHN" })),
      field("Source", input("source", f.source, { placeholder: "RUS" })),
      field("Target", input("target", f.target, { placeholder: "USA" })),
      field("Dyad", input("dyad", f.dyad, { placeholder: "CHN,RUS" })),
      field("CAMEO code", input("code", f.code, { placeholder: "04, 057" })),
      field("CAMEO root", select("root", f.root, [["", "any"], ...ROOTS.map(([c, n]) => [c, `${c} ${n}`])])),
      field("PLOVER type", select("plover", f.plover.toUpperCase(), [["", "any"], ...PLOVER_TYPES])),
      field("Status", select("status", f.status.toLowerCase(), [["", "any"], ...STATUSES])),
      field("Per sentence", select("main", f.main === "true" ? "true" : "", [["", "every event"],
        ["true", "main event only"]])),
      field("Since", input("since", f.since, { type: "date" })),
      field("Until", input("until", f.until, { type: "date" })),
      field("Text", input("q", f.q, { placeholder: "in the sentence", spellcheck: "true" })),
      CHIP_FILTERS.map(([k]) => f[k] ? h("input", { type: "hidden", name: k, value: f[k] }) : null),
    ];
  }

  function filterChips(view, f) {
    return CHIP_FILTERS.filter(([k]) => f[k]).map(([k, label]) => h("p", { class: "chip-row" }, `${label}: `,
      k === "document" ? h("a", { href: href("document", {}, f[k]) }, f[k]) : h("b", {}, f[k]),
      " ", h("a", { class: "chip-x", href: href(view, Object.assign({}, f, { [k]: "" })), title: "Remove" }, "×")));
  }

  function eventsTable(items) {
    return h("table", { class: "data events" },
      h("thead", {}, h("tr", {},
        h("th", {}, "Date"), h("th", {}, "Source → target"), h("th", {}, "CAMEO"), h("th", {}, "PLOVER"),
        h("th", { class: "num" }, "Goldstein"), h("th", {}, "Status"), h("th", {}, "Evidence"), h("th", {}, "Document"))),
      h("tbody", {}, items.map((ev) => h("tr", { "data-event-id": ev.event_id },
        h("td", { class: "nowrap" }, ev.date || h("span", { class: "muted" }, "—")),
        h("td", { class: "nowrap" }, actorLabel(ev.source), h("span", { class: "arrow-sep" }, " → "), actorLabel(ev.target)),
        h("td", { class: "cameo-cell" }, h("code", {}, ev.cameo), " ", h("span", { class: "small" }, ev.name)),
        h("td", {}, ev.plover && ev.plover.type ? h("span", { class: "plover" }, ev.plover.type) : h("span", { class: "muted" }, "—")),
        h("td", { class: "num" }, goldBadge(ev.goldstein)),
        h("td", {}, statusBadge(ev.status)),
        h("td", { class: "evidence" }, evidenceText(ev)),
        h("td", {}, h("a", { class: "doc-link", href: href("document", { event: ev.event_id }, ev.doc_id) }, ev.doc_id))))));
  }

  async function eventsView(root, p, _arg, signal) {
    const f = readFilters(p);
    const offset = Math.max(0, parseInt(p.get("offset") || "0", 10) || 0);
    document.title = "Events · tacitus";
    const reset = h("button", { type: "button", class: "ghost" }, "Clear");
    reset.addEventListener("click", () => go(href("events", {})));
    append(root, [
      viewHead("Events", "Coded events with their evidence. Actor and CAMEO codes match as prefixes."),
      filterForm([
        eventFields(f),
        field("Sort", select("sort", f.sort || "date", [["date", "date ↑"], ["-date", "date ↓"], ["id", "document"]])),
      ], (v) => go(href("events", cleanFilters(v))), reset),
      filterChips("events", f)]);

    const box = h("section", { class: "panel", "data-testid": "events-table" });
    root.append(box);
    await into(box, signal, async () => {
      const params = Object.assign({}, f, { limit: PAGE, offset });
      const data = await api("/api/events", params, signal);
      const items = data.items || [];
      if (!items.length) {
        return empty(offset && data.total ? `No events on this page (there are ${fmtInt(data.total)}).`
          : "No data: no events match these filters.", "Loosen a filter, or clear them all.");
      }
      const link = (o) => href("events", Object.assign({}, f, { offset: o || "" }));
      return [pagerNav(data.total, offset, items.length, link), h("div", { class: "table-scroll" }, eventsTable(items)),
        pagerNav(data.total, offset, items.length, link)];
    });
  }

  function pagerNav(total, offset, count, link) {
    const prev = offset > 0 ? h("a", { class: "button", rel: "prev", href: link(Math.max(0, offset - PAGE)) }, "← Previous")
      : h("span", { class: "button disabled", "aria-disabled": "true" }, "← Previous");
    const next = offset + count < total ? h("a", { class: "button", rel: "next", href: link(offset + PAGE) }, "Next →")
      : h("span", { class: "button disabled", "aria-disabled": "true" }, "Next →");
    return h("nav", { class: "pager", "aria-label": "Pages" },
      prev, h("span", { class: "page-info" }, `${fmtInt(offset + 1)}–${fmtInt(offset + count)} of ${fmtInt(total)}`), next);
  }

  // ---- map -----------------------------------------------------------------------------------

  const MAP_W = 1000, MAP_NORTH = 84, MAP_SOUTH = -58;  // equirectangular, Antarctica cropped
  const MAP_H = Math.round(MAP_W * (MAP_NORTH - MAP_SOUTH) / 360);
  const MAP_SIDES = [["either", "source or target"], ["source", "source"], ["target", "target"], ["place", "place"]];
  const SIDE_FILTER = { either: "country", source: "source_country", target: "target_country", place: "place_country" };
  let worldCache = null;

  function project(lon, lat) {
    return [r1((lon + 180) / 360 * MAP_W), r1((MAP_NORTH - lat) / (MAP_NORTH - MAP_SOUTH) * MAP_H)];
  }

  function ringPath(ring) {
    const parts = [];
    for (let i = 0; i < ring.length; i += 2) parts.push(project(ring[i], ring[i + 1]).join(","));
    return "M" + parts.join("L") + "Z";
  }

  /** Event counts to a blue, on a log scale up to the largest count. */
  function countColor(n, max) {
    const t = max > 1 ? Math.log(1 + n) / Math.log(1 + max) : 1;
    const lo = [214, 230, 244], hi = [8, 69, 148];
    const c = lo.map((v, i) => Math.round(v + (hi[i] - v) * t));
    return `rgb(${c[0]},${c[1]},${c[2]})`;
  }

  function countLegend(max) {
    const stops = [0, 0.25, 0.5, 0.75, 1].map((t) => `${countColor(Math.round(Math.expm1(t * Math.log(1 + max))), max)} ${t * 100}%`);
    return h("div", { class: "gradient-legend" },
      h("span", { class: "gl-label" }, "Events (log scale)"), h("span", { class: "gl-end" }, "1"),
      h("span", { class: "gl-bar", style: `background: linear-gradient(to right, ${stops.join(", ")})` }),
      h("span", { class: "gl-end" }, fmtInt(max)),
      h("span", { class: "gl-end" }, h("span", { class: "swatch nodata" }), " no events"));
  }

  /** The event's place as [lon, lat] when the gazetteer located it (location.latitude, location.longitude). */
  function eventPoint(ev) {
    const loc = ev.location;
    if (!loc || typeof loc !== "object" || loc.latitude == null || loc.longitude == null) return null;
    const lat = Number(loc.latitude), lon = Number(loc.longitude);
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) return null;
    return [lon, lat];
  }

  function mapSvg(world, counts, m, f, events) {
    const max = Math.max(1, ...[...counts.values()].map((c) => c.events));
    const fill = (c) => (m.shade === "goldstein" ? goldColor(c.mean_goldstein) : countColor(c.events, max));
    const svg = s("svg", { viewBox: `0 0 ${MAP_W} ${MAP_H}`, class: "chart world-map", role: "img",
      "aria-label": "Events per country" },
      s("rect", { class: "sea", x: 0, y: 0, width: MAP_W, height: MAP_H }));
    for (const country of world.countries) {
      const c = counts.get(country.id);
      const tip = c ? `${country.name} (${country.id}): ${plural(c.events, "event")}, mean Goldstein ${fmtSigned(c.mean_goldstein)}`
        : `${country.name} (${country.id}): no events`;
      const path = s("path", { class: "country" + (c ? " shaded" : " nodata") + (m.pick === country.id ? " picked" : ""),
        d: country.rings.map(ringPath).join(""), "fill-rule": "evenodd", fill: c ? fill(c) : null,
        "data-country": country.id, "data-events": c ? c.events : null }, s("title", {}, tip));
      svg.append(c ? s("a", { href: href("map", Object.assign({}, f, m, { pick: country.id, offset: "" })) }, path) : path);
    }
    for (const ev of events) {
      const pt = eventPoint(ev);
      if (!pt) continue;
      const [x, y] = project(pt[0], pt[1]);
      const text = (ev.evidence && ev.evidence.text) || "";
      svg.append(s("a", { href: href("document", { event: ev.event_id }, ev.doc_id) },
        s("circle", { class: "event-point", cx: x, cy: y, r: 4, fill: goldColor(ev.goldstein), "data-event-id": ev.event_id },
          s("title", {}, `${ev.cameo} ${ev.name || ""}${ev.location.name ? " · " + ev.location.name : ""}\n${text}`))));
    }
    return svg;
  }

  async function mapView(root, p, _arg, signal) {
    const f = readFilters(p);
    f.sort = "";
    const m = { by: SIDE_FILTER[p.get("by")] ? p.get("by") : "either", shade: p.get("shade") === "goldstein" ? "goldstein" : "count",
      pick: upper(p.get("pick")) };
    const offset = Math.max(0, parseInt(p.get("offset") || "0", 10) || 0);
    document.title = "Map · tacitus";
    const reset = h("button", { type: "button", class: "ghost" }, "Clear");
    reset.addEventListener("click", () => go(href("map", {})));
    append(root, [
      viewHead("Map", "Events per country under the events filters, shaded by count or mean Goldstein. " +
        "Click a country to list its events; events whose place has coordinates are drawn as points."),
      filterForm([
        field("Count an event for", select("by", m.by, MAP_SIDES)),
        field("Shade by", select("shade", m.shade, [["count", "event count"], ["goldstein", "mean Goldstein"]])),
        eventFields(f),
      ], (v) => go(href("map", Object.assign(cleanFilters(v), { by: v.by === "either" ? "" : v.by,
        shade: v.shade === "count" ? "" : v.shade, pick: m.pick }))), reset),
      filterChips("map", Object.assign({}, f, { by: m.by === "either" ? "" : m.by, shade: m.shade === "count" ? "" : m.shade }))]);
    const mapBox = h("section", { class: "panel", "data-testid": "map-chart" });
    const listBox = h("section", { class: "panel", "data-testid": "map-events" });
    root.append(mapBox, listBox);
    const keep = { by: m.by === "either" ? "" : m.by, shade: m.shade === "count" ? "" : m.shade };
    const listParams = Object.assign({}, f, m.pick ? { [SIDE_FILTER[m.by]]: m.pick } : {}, { limit: PAGE, offset });
    const listed = api("/api/events", listParams, signal);
    listed.catch(() => null);
    await into(mapBox, signal, async () => {
      const [world, data] = await Promise.all([
        worldCache || api("/static/world.json", {}, signal).then((w) => (worldCache = w)),
        api("/api/countries", Object.assign({}, f, { by: m.by }), signal)]);
      const counts = new Map(data.items.map((c) => [c.country, c]));
      let events = [];
      try { events = (await listed).items || []; } catch (e) { events = []; }
      const ids = new Set(world.countries.map((w) => w.id));
      const undrawn = data.items.filter((c) => !ids.has(c.country)).map((c) => c.country);
      const top = data.items.slice(0, 12);
      return [
        h("p", { class: "lede small" }, `${plural(data.total, "event")} · ${plural(data.items.length, "country", "countries")} ` +
          `with events` + (undrawn.length ? ` (too small for the map or not a country: ${undrawn.join(", ")})` : "")),
        h("div", { class: "legend-row", "data-testid": "map-legend" },
          m.shade === "goldstein" ? goldLegend("Mean Goldstein") : countLegend(Math.max(1, ...data.items.map((c) => c.events)))),
        mapSvg(world, counts, Object.assign({}, keep, { pick: m.pick }), f, events),
        top.length ? h("ol", { class: "top-countries small" }, top.map((c) => h("li", {},
          h("a", { href: href("map", Object.assign({}, f, keep, { pick: c.country })), "data-country": c.country }, c.country),
          ` ${fmtInt(c.events)} · ${fmtSigned(c.mean_goldstein, 1)}`))) : null];
    });
    await into(listBox, signal, async () => {
      const data = await listed;
      const items = data.items || [];
      const title = m.pick ? `Events of ${m.pick} (${MAP_SIDES.find(([k]) => k === m.by)[1]})` : "Events (all countries)";
      const head = h("h2", { class: "panel-heading" }, title, m.pick ? [" ", h("a", { class: "chip-x",
        href: href("map", Object.assign({}, f, keep)), title: "Show all countries" }, "×")] : null);
      if (!items.length) return [head, empty("No data: no events match these filters.", "Loosen a filter, or clear them all.")];
      const link = (o) => href("map", Object.assign({}, f, keep, { pick: m.pick, offset: o || "" }));
      const more = m.pick ? h("p", { class: "small" }, h("a", { href: href("events", Object.assign({}, f,
        { [SIDE_FILTER[m.by]]: m.pick })) }, "Open in the events view")) : null;
      return [head, more, pagerNav(data.total, offset, items.length, link), h("div", { class: "table-scroll" }, eventsTable(items))];
    });
  }

  // ---- documents -----------------------------------------------------------------------------

  async function documentView(root, p, docId, signal) {
    if (!docId) return documentList(root, p, signal);
    document.title = `${docId} · tacitus`;
    const head = h("div", { class: "view-head" }, h("p", { class: "crumbs" },
      h("a", { href: href("document") }, "Documents"), " / ", docId));
    const box = h("section", { class: "doc-wrap" });
    root.append(head, box);
    await into(box, signal, async () => {
      const doc = await api(`/api/documents/${encodeURIComponent(docId)}`, {}, signal);
      return renderDocument(doc, p.get("event"));
    });
  }

  async function documentList(root, p, signal) {
    const offset = Math.max(0, parseInt(p.get("offset") || "0", 10) || 0);
    document.title = "Documents · tacitus";
    root.append(viewHead("Documents", "Every stored document; open one to read it with its events highlighted."));
    const box = h("section", { class: "panel" });
    root.append(box);
    await into(box, signal, async () => {
      const data = await api("/api/documents", { limit: PAGE, offset }, signal);
      const items = data.items || [];
      if (!items.length) return empty("No documents are stored yet.", "Ingest some with `tacitus ingest`.");
      const link = (o) => href("document", { offset: o || "" });
      return [pagerNav(data.total, offset, items.length, link),
        h("table", { class: "data" },
          h("thead", {}, h("tr", {}, h("th", {}, "Document"), h("th", {}, "Title"), h("th", {}, "Published"),
            h("th", {}, "Status"), h("th", { class: "num" }, "Events"))),
          h("tbody", {}, items.map((d) => h("tr", {},
            h("td", {}, h("a", { href: href("document", {}, d.id) }, d.id)),
            h("td", {}, d.title || h("span", { class: "muted" }, "—")),
            h("td", { class: "nowrap" }, d.published || "—"),
            h("td", {}, d.status === "coded" ? d.status : h("span", { class: "status st-negated" }, d.status)),
            h("td", { class: "num" }, fmtInt(d.n_events)))))),
        pagerNav(data.total, offset, items.length, link)];
    });
  }

  /** Code-point offsets (the API's, from Python) to UTF-16 offsets (JavaScript's). */
  function offsetMapper(text) {
    if (!/[\uD800-\uDFFF]/.test(text)) return (i) => i;
    const map = [0];
    let u = 0;
    for (const ch of text) { u += ch.length; map.push(u); }
    return (i) => map[clamp(i, 0, map.length - 1)];
  }

  /** Sorted, non-overlapping segments of [0, length): each with the spans that cover it. */
  function segments(length, spans) {
    const cuts = new Set([0, length]);
    for (const sp of spans) { cuts.add(sp.start); cuts.add(sp.end); }
    const points = [...cuts].sort((x, y) => x - y);
    const byStart = [...spans].sort((x, y) => x.start - y.start || x.end - y.end);
    const out = [];
    let active = [], j = 0;
    for (let k = 0; k + 1 < points.length; k++) {
      const a = points[k], b = points[k + 1];
      while (j < byStart.length && byStart[j].start <= a) active.push(byStart[j++]);
      active = active.filter((sp) => sp.end > a);
      out.push({ start: a, end: b, spans: active.slice() });
    }
    return out;
  }

  function safeUrl(url) {
    try {
      const u = new URL(url);
      return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  function renderDocument(doc, wanted) {
    const text = doc.text || "";
    const events = doc.events || [];
    const toU16 = offsetMapper(text);
    const spans = [];
    events.forEach((ev, i) => {
      const e = ev.evidence || {};
      const add = (role, range) => {
        if (!range || range[0] === null || range[0] === undefined || range[1] === null || range[1] === undefined) return;
        const start = toU16(range[0]), end = toU16(range[1]);
        if (!(end > start) || start < 0 || end > text.length) return;
        spans.push({ start, end, role, ev: i });
      };
      add("trigger", [e.trigger_start, e.trigger_end]);
      add("source", e.source_span);
      add("target", e.target_span);
    });

    const textBox = h("div", { class: "doc-text", "data-testid": "document-text" });
    for (const seg of segments(text.length, spans)) {
      const piece = text.slice(seg.start, seg.end);
      if (!seg.spans.length) { textBox.append(piece); continue; }
      const roles = {}, evs = [], titles = [];
      for (const sp of seg.spans) {
        (roles[sp.role] = roles[sp.role] || []).push(sp.ev);
        if (!evs.includes(sp.ev)) evs.push(sp.ev);
        const ev = events[sp.ev];
        titles.push(`${ev.cameo} ${ev.name} — ${sp.role} of event ${sp.ev + 1}`);
      }
      evs.sort((x, y) => x - y);
      const attrs = {
        class: ROLES.filter((r) => roles[r]).map((r) => "hl-" + r).join(" "),
        "data-event": evs.join(" "),
        title: [...new Set(titles)].join("\n"),
      };
      for (const r of ROLES) if (roles[r]) attrs["data-" + r] = [...new Set(roles[r])].sort((x, y) => x - y).join(" ");
      textBox.append(h("mark", attrs, piece));
    }

    const list = h("ol", { class: "ev-list" });
    const items = events.map((ev, i) => {
      const li = h("li", { class: "ev", "data-event": i, tabindex: 0, role: "button", "aria-pressed": "false" },
        h("div", { class: "ev-top" },
          h("span", { class: "ev-n" }, `${i + 1}`),
          h("code", { class: "cameo" }, ev.cameo),
          h("span", { class: "ev-name" }, ev.name),
          goldBadge(ev.goldstein)),
        h("div", { class: "ev-actors" }, actorFull(ev.source), h("span", { class: "arrow-sep" }, " → "), actorFull(ev.target)),
        h("div", { class: "ev-meta" },
          ev.plover && ev.plover.type ? h("span", { class: "plover" }, ev.plover.type) : null,
          ev.plover && ev.plover.mode ? h("span", { class: "small muted" }, ev.plover.mode) : null,
          statusBadge(ev.status),
          h("span", { class: "small" }, ev.date || "no date"),
          ev.place ? h("span", { class: "small muted" }, "@ " + ev.place) : null,
          h("span", { class: "small muted", title: "the trigger word" }, `“${(ev.evidence && ev.evidence.trigger) || ""}”`)));
      list.append(li);
      return li;
    });

    let selected = -1;
    let smooth = false;
    const select = (i, scrollText) => {
      selected = i;
      textBox.classList.toggle("has-sel", i >= 0);
      for (const m of textBox.querySelectorAll("mark.sel")) m.classList.remove("sel");
      items.forEach((li, k) => {
        li.classList.toggle("sel", k === i);
        li.setAttribute("aria-pressed", k === i ? "true" : "false");
      });
      if (i < 0) return;
      const marks = textBox.querySelectorAll(`mark[data-event~="${i}"]`);
      for (const m of marks) m.classList.add("sel");
      if (scrollText && marks.length) revealInWindow(marks[0], smooth);
      const r = parseHash();
      if (r.name === "document") {
        const q = new URLSearchParams(r.params);
        q.set("event", events[i].event_id);
        history.replaceState(null, "", `#/document/${encodeURIComponent(r.arg)}?${q}`);
      }
    };
    items.forEach((li, i) => {
      const pick = () => { smooth = true; select(selected === i ? -1 : i, true); };
      li.addEventListener("click", pick);
      li.addEventListener("keydown", (e) => {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); pick(); }
      });
    });
    textBox.addEventListener("click", (e) => {
      const m = e.target.closest("mark");
      if (!m) return;
      const evs = m.dataset.event.split(" ").map(Number);
      const k = evs.indexOf(selected);
      const i = evs[(k + 1) % evs.length];
      select(i, false);
      revealWithin(side, items[i], true);
    });

    const url = doc.url ? safeUrl(doc.url) : null;
    const meta = h("div", { class: "doc-meta" },
      doc.published ? h("span", {}, "Published ", h("b", {}, doc.published)) : null,
      doc.source ? h("span", {}, "Source ", h("b", {}, doc.source)) : null,
      h("span", {}, plural(events.length, "event")),
      doc.n_sentences !== undefined ? h("span", {}, plural(doc.n_sentences, "sentence")) : null,
      doc.status && doc.status !== "coded" ? statusBadge(doc.status) : null,
      url ? h("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, "Original ↗") : null,
      h("a", { href: href("events", { document: doc.id }) }, "In the events table"));

    const side = h("aside", { class: "doc-events" },
      h("h2", {}, `Events (${events.length})`),
      h("ul", { class: "legend small" },
        h("li", {}, h("mark", { class: "key hl-trigger" }, "trigger")),
        h("li", {}, h("mark", { class: "key hl-source" }, "source")),
        h("li", {}, h("mark", { class: "key hl-target" }, "target"))),
      events.length ? h("p", { class: "hint" }, "Click an event to highlight its words; click a highlight to find its event.")
        : empty("No data: no events were coded in this document."),
      list);

    const out = [
      h("h1", { class: "doc-title" }, doc.title || doc.id),
      meta,
      doc.error ? h("div", { class: "error", role: "alert" }, h("strong", {}, "Coding failed: "), doc.error) : null,
      h("div", { class: "doc-grid" }, h("article", { class: "panel doc-panel" }, textBox), side),
    ];
    if (wanted) {
      const i = events.findIndex((ev) => ev.event_id === wanted);
      if (i >= 0) setTimeout(() => { select(i, true); revealWithin(side, items[i], false); }, 0);
    }
    return out;
  }

  /** Scroll the window only as far as needed to show `el` (a third of the way down). */
  function revealInWindow(el, smooth) {
    const r = el.getBoundingClientRect();
    const top = 70; // below the sticky bar
    if (r.top >= top && r.bottom <= window.innerHeight - 10) return;
    window.scrollBy({ top: r.top - top - (window.innerHeight - top) / 3, behavior: smooth ? "smooth" : "auto" });
  }

  /** Scroll a scrolling box (not the window) so that `el` inside it shows. */
  function revealWithin(box, el, smooth) {
    const b = box.getBoundingClientRect(), r = el.getBoundingClientRect();
    if (box.scrollHeight <= box.clientHeight) return;
    if (r.top >= b.top && r.bottom <= b.bottom) return;
    box.scrollTo({ top: box.scrollTop + (r.top - b.top) - box.clientHeight / 3, behavior: smooth ? "smooth" : "auto" });
  }

  function actorFull(a) {
    if (!a) return h("span", { class: "muted" }, "—");
    return h("span", { class: "actor-full" }, h("b", {}, a.code),
      a.text ? h("span", { class: "small muted" }, ` ${a.text}`) : null);
  }

  // ---- start ---------------------------------------------------------------------------------

  const VIEWS = {
    timeline: timelineView,
    partners: partnersView,
    network: networkView,
    events: eventsView,
    map: mapView,
    document: documentView,
  };

  async function health() {
    const box = document.getElementById("health");
    if (!box) return;
    try {
      const hd = await api("/api/health");
      const c = hd.counts || {};
      box.textContent = `v${hd.version} · ${hd.store} · ${fmtInt(c.documents)} documents · ${fmtInt(c.events)} events`;
    } catch (e) {
      box.textContent = "API unreachable";
      box.classList.add("bad");
    }
  }

  let resizeTimer = null;
  window.addEventListener("resize", () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => { if (onResize) onResize(); }, 150);
  });
  window.addEventListener("hashchange", route);
  route();
  health();
})();
