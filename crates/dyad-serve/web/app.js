// dyad dashboard: plain JavaScript over the JSON API, charts with uPlot.
// Views are hash routes: #/ (dyad), #/dyad/CHN-KEN, #/actor/CHN,
// #/doc/<doc_id>, #/relationship/CHN-KEN[/KEN[/china,west]], #/code.
"use strict";

const QUAD = [
  { key: "verbal_coop", label: "verbal cooperation", color: "#8fd18f" },
  { key: "material_coop", label: "material cooperation", color: "#2e8b57" },
  { key: "verbal_conflict", label: "verbal conflict", color: "#f4a582" },
  { key: "material_conflict", label: "material conflict", color: "#c0392b" },
];
const names = {};
let eventsState = { params: null, offset: 0, total: 0 };
let charts = {};

const $ = (sel) => document.querySelector(sel);
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c ?? "")));
  return e;
}

async function api(path, opts) {
  const r = await fetch(path, opts);
  const body = await r.json().catch(() => ({ error: `HTTP ${r.status}` }));
  if (!r.ok) throw new Error(body.error || `HTTP ${r.status}`);
  return body;
}

function status(msg) { $("#status").textContent = msg || ""; }
function nameOf(code) { return names[code] || code; }
function remember(map) { Object.assign(names, map || {}); }
function actorLabel(code) {
  const n = names[code];
  return n ? `${n} (${code})` : code;
}
function actorLink(code) {
  return el("a", { href: `#/actor/${encodeURIComponent(code)}`, title: code }, nameOf(code));
}

// Evidence with source, target and verb marked. Spans are byte offsets in
// the UTF-8 text, so cut the encoded bytes, not the JavaScript string.
function highlight(text, spans) {
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  const marks = [];
  for (const [kind, cls] of [["source", "src"], ["target", "tgt"], ["verb", "verb"]]) {
    const s = spans && spans[kind];
    if (Array.isArray(s) && s.length === 2 && s[0] < s[1] && s[1] <= bytes.length) marks.push({ a: s[0], b: s[1], cls });
  }
  const cuts = new Set([0, bytes.length]);
  for (const m of marks) { cuts.add(m.a); cuts.add(m.b); }
  const points = [...cuts].sort((x, y) => x - y);
  const out = el("span", { class: "sentence" });
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = dec.decode(bytes.subarray(a, b));
    const cls = marks.filter((m) => m.a <= a && b <= m.b).map((m) => m.cls);
    out.append(cls.length ? el("mark", { class: cls.join(" ") }, piece) : document.createTextNode(piece));
  }
  return out;
}

function eventCell(e) {
  return el("span", { class: `code q${e.quad_class}`, title: `${e.plover?.event || ""} Goldstein ${e.goldstein}` },
    `${e.code} ${e.plover?.event || ""}`);
}

function eventRow(e, withDocLink) {
  const tr = el("tr", { class: "event-row", "data-event": e.event_id ?? "" },
    el("td", {}, e.date),
    el("td", {}, actorLink(e.source)),
    el("td", {}, eventCell(e)),
    el("td", {}, actorLink(e.target)),
    el("td", {}, highlight(e.text, e.spans)),
  );
  if (withDocLink) {
    tr.append(el("td", {}, el("a", { class: "doc-link", href: `#/doc/${encodeURIComponent(e.doc_id)}`, onclick: (ev) => ev.stopPropagation() }, "document")));
  }
  tr.addEventListener("click", (ev) => { if (ev.target.tagName !== "A") openEvent(e); });
  return tr;
}

function openEvent(e) {
  const body = $("#event-detail-body");
  body.replaceChildren(
    el("h3", {}, `${nameOf(e.source)} → ${nameOf(e.target)}`),
    el("p", {}, highlight(e.text, e.spans)),
    el("p", { class: "legend-marks muted" }, el("mark", { class: "src" }, "source"), el("mark", { class: "verb" }, "verb"), el("mark", { class: "tgt" }, "target")),
    el("dl", { class: "kv" },
      el("dt", {}, "date"), el("dd", {}, `${e.date} (${e.date_source})`),
      el("dt", {}, "source"), el("dd", {}, `${actorLabel(e.source)} — “${e.source_text}”`),
      el("dt", {}, "target"), el("dd", {}, `${actorLabel(e.target)} — “${e.target_text}”`),
      el("dt", {}, "CAMEO"), el("dd", {}, `${e.code} (root ${e.root}, quad class ${e.quad_class}, Goldstein ${e.goldstein})`),
      el("dt", {}, "PLOVER"), el("dd", {}, [e.plover?.event, e.plover?.mode, e.plover?.context].filter(Boolean).join(" / ") || "—"),
      ...(e.modality ? [el("dt", {}, "modality"), el("dd", {}, e.modality)] : []),
      ...(e.mentions ? [el("dt", {}, "reports"), el("dd", {}, `${e.mentions} mentions in ${e.articles} articles`)] : []),
    ),
    ...(e.event_id ? [el("a", { class: "doc-link", href: `#/doc/${encodeURIComponent(e.doc_id)}` }, `Open document ${e.doc_id}`)] : []),
  );
  $("#event-detail").hidden = false;
}

// ---- charts ----------------------------------------------------------

function monthTs(period) { // "2024-09" → seconds
  const [y, m] = period.split("-").map(Number);
  return Date.UTC(y, m - 1, 1) / 1000;
}
function monthsBetween(first, last) {
  const out = [];
  let [y, m] = first.split("-").map(Number);
  const [ly, lm] = last.split("-").map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    if (++m > 12) { m = 1; y++; }
    if (out.length > 2400) break;
  }
  return out;
}

function drawChart(target, key, data, seriesOpts, axes, extra = {}) {
  if (charts[key]) { charts[key].destroy(); delete charts[key]; }
  const node = $(target);
  node.replaceChildren();
  const width = Math.max(360, node.clientWidth - 10);
  const opts = {
    width, height: 320,
    scales: { x: { time: true }, g: { auto: true } },
    series: [{ label: "month", value: (u, v) => v == null ? "" : new Date(v * 1000).toISOString().slice(0, 7) }, ...seriesOpts],
    axes,
    ...extra,
  };
  if (extra.scales) opts.scales = { x: { time: true }, ...extra.scales };
  // One tick per month (thinned to about a dozen), labelled YYYY-MM.
  const xs = data[0];
  const step = Math.max(1, Math.ceil(xs.length / 12));
  opts.axes = [{
    splits: () => xs.filter((_, i) => i % step === 0),
    values: (u, ticks) => ticks.map((t) => new Date(t * 1000).toISOString().slice(0, 7)),
  }, ...axes.slice(1)];
  charts[key] = new uPlot(opts, data, node);
  node.dataset.points = String(data[0].length);
  return charts[key];
}

function drawDyadChart(rows) {
  if (!rows.length) {
    $("#chart").replaceChildren(el("p", { class: "muted" }, "No events for this dyad."));
    $("#chart").dataset.points = "0";
    return;
  }
  const months = monthsBetween(rows[0].period, rows[rows.length - 1].period);
  const byPeriod = Object.fromEntries(rows.map((r) => [r.period, r]));
  const raw = QUAD.map((q) => months.map((p) => byPeriod[p]?.[q.key] ?? 0));
  const cum = [];
  raw.forEach((vals, i) => cum.push(vals.map((v, j) => v + (i ? cum[i - 1][j] : 0))));
  const gold = months.map((p) => byPeriod[p]?.goldstein_sum ?? 0);
  const bars = uPlot.paths.bars({ size: [0.7, 60] });
  // Draw the tallest stack first so each smaller one paints over it.
  const order = [3, 2, 1, 0];
  const series = order.map((i) => ({
    label: QUAD[i].label, stroke: QUAD[i].color, fill: QUAD[i].color, paths: bars, points: { show: false },
    value: (u, v, si, idx) => idx == null ? "" : raw[i][idx],
  }));
  series.push({ label: "Goldstein sum", stroke: "#1f4e9c", width: 2, scale: "g", points: { show: true, size: 5 } });
  const data = [months.map(monthTs), ...order.map((i) => cum[i]), gold];
  drawChart("#chart", "dyad", data, series, [{}, { label: "events" }, { side: 1, scale: "g", label: "Goldstein sum", grid: { show: false } }]);
}

function drawActorChart(rows) {
  if (!rows.length) { $("#actor-chart").replaceChildren(); return; }
  const months = monthsBetween(rows[0].period, rows[rows.length - 1].period);
  const byPeriod = Object.fromEntries(rows.map((r) => [r.period, r]));
  const net = months.map((p) => byPeriod[p]?.net_cooperation ?? 0);
  const gold = months.map((p) => byPeriod[p]?.goldstein_sum ?? 0);
  const series = [
    { label: "net cooperation (events)", stroke: "#2e8b57", fill: "rgba(46,139,87,.5)", paths: uPlot.paths.bars({ size: [0.7, 60] }), points: { show: false } },
    { label: "Goldstein sum", stroke: "#1f4e9c", width: 2, scale: "g", points: { show: true, size: 5 } },
  ];
  drawChart("#actor-chart", "actor", [months.map(monthTs), net, gold], series,
    [{}, { label: "coop − conflict" }, { side: 1, scale: "g", label: "Goldstein sum", grid: { show: false } }]);
}

// ---- views -----------------------------------------------------------

function show(view) {
  for (const v of document.querySelectorAll(".view")) v.hidden = v.id !== `view-${view}`;
  $("#event-detail").hidden = true;
}

async function loadCountries() {
  if ($("#actor-a").options.length) return;
  const { actors } = await api("/api/actors?country=true&limit=300");
  actors.sort((a, b) => (a.name || a.code).localeCompare(b.name || b.code));
  for (const a of actors) if (a.name) names[a.code] = a.name;
  for (const sel of [$("#actor-a"), $("#actor-b")]) {
    sel.replaceChildren(el("option", { value: "" }, "— country —"),
      ...actors.map((a) => el("option", { value: a.code }, `${a.name || a.code} (${a.code}) · ${a.events}`)));
  }
}

async function showDyad(a, b, directed) {
  show("dyad");
  await loadCountries();
  if (!a || !b) return;
  $("#actor-a").value = a; $("#actor-b").value = b; $("#directed").checked = !!directed;
  $("#dyad-title").replaceChildren(actorLink(a), directed ? " → " : " — ", actorLink(b));
  const params = new URLSearchParams({ dyad: `${a}-${b}` });
  if (directed) params.set("directed", "true");
  status("loading…");
  try {
    const s = await api(`/api/series?${params}&by=month`);
    drawDyadChart(s.series);
    eventsState = { params, offset: 0, total: 0 };
    $("#events tbody").replaceChildren();
    await moreEvents();
    status("");
  } catch (e) { status(e.message); }
}

async function moreEvents() {
  const p = new URLSearchParams(eventsState.params);
  p.set("limit", "100"); p.set("offset", String(eventsState.offset));
  const r = await api(`/api/events?${p}`);
  remember(r.names);
  const tbody = $("#events tbody");
  for (const e of r.events) tbody.append(eventRow(e, true));
  eventsState.offset += r.events.length;
  eventsState.total = r.total;
  $("#events-count").textContent = `${eventsState.offset} of ${r.total}`;
  $("#more-events").hidden = eventsState.offset >= r.total;
}

async function showActor(code) {
  show("actor");
  $("#actor-title").textContent = code;
  $("#partners tbody").replaceChildren();
  try {
    const r = await api(`/api/actors/${encodeURIComponent(code)}?by=month`);
    if (r.name) names[r.code] = r.name;
    $("#actor-title").textContent = r.name ? `${r.name} (${r.code})` : r.code;
    $("#actor-summary").textContent = `${r.events} events as source or target`;
    for (const p of r.partners) {
      if (p.name) names[p.code] = p.name;
      $("#partners tbody").append(el("tr", { onclick: () => { location.hash = `#/dyad/${r.code}-${p.code}`; } },
        el("td", {}, el("a", { href: `#/dyad/${r.code}-${p.code}` }, actorLabel(p.code))),
        el("td", {}, p.events), el("td", {}, p.cooperation), el("td", {}, p.conflict), el("td", {}, p.goldstein_sum.toFixed(1))));
    }
    drawActorChart(r.series);
  } catch (e) { $("#actor-summary").textContent = e.message; }
}

async function showDoc(id) {
  show("doc");
  $("#doc-title").textContent = id;
  $("#doc-text").replaceChildren();
  $("#doc-events tbody").replaceChildren();
  try {
    const d = await api(`/api/documents/${encodeURIComponent(id)}`);
    remember(d.names);
    $("#doc-title").textContent = d.title || d.doc_id;
    $("#doc-meta").textContent = [d.doc_id, d.date && `${d.date} (${d.date_source})`, d.source, d.url, d.duplicate_of && `near-duplicate of #${d.duplicate_of}`].filter(Boolean).join(" · ");
    const bySentence = {};
    for (const e of d.events) (bySentence[e.mention_sentence] ||= []).push(e);
    for (const s of d.sentences) {
      const evs = bySentence[s.index] || [];
      const first = evs.find((e) => e.text === s.text);
      const cls = [evs.length ? "has-event" : "", s.boilerplate ? "boilerplate" : "", s.headline ? "headline" : ""].join(" ");
      const p = el("p", { class: cls, "data-sentence": s.index }, first ? highlight(s.text, first.spans) : s.text);
      if (first) p.addEventListener("click", () => openEvent(first));
      $("#doc-text").append(p);
    }
    for (const e of d.events) $("#doc-events tbody").append(eventRow(e, false));
  } catch (e) { $("#doc-meta").textContent = e.message; }
}

// ---- relationship: labels, alignment, shifts -------------------------

function docLink(docId) {
  return el("a", { class: "doc-link", href: `#/doc/${encodeURIComponent(docId)}`, onclick: (ev) => ev.stopPropagation() }, "document");
}

function labelRow(r) {
  return el("tr", { class: r.upgrade ? "label-row upgrade" : "label-row", "data-doc": r.doc_id },
    el("td", {}, r.date),
    el("td", {}, r.label),
    el("td", {}, r.level),
    el("td", {}, r.upgrade ? el("span", { class: "upgrade-mark", title: `stored as CAMEO ${r.cameo}` }, `▲ upgrade (${r.cameo})`) : ""),
    el("td", {}, highlight(r.text, { verb: r.span })),
    el("td", {}, docLink(r.doc_id)),
  );
}

// The alignment index with its band, the verbal and material indices, and
// the shifts as clickable vertical markers over the plot.
function drawAlignment(a, shifts) {
  const node = $("#rel-chart");
  if (!a.points.length) {
    if (charts.rel) { charts.rel.destroy(); delete charts.rel; }
    node.replaceChildren(el("p", { class: "muted" }, `No events between ${a.country} and the two blocs.`));
    node.dataset.points = "0";
    return;
  }
  const xs = a.points.map((p) => monthTs(p.period));
  const col = (f) => a.points.map(f);
  const data = [xs, col((p) => p.all.high), col((p) => p.all.low), col((p) => p.all.index),
    col((p) => p.verbal.index), col((p) => p.material.index)];
  const pct = (u, v) => v == null ? "—" : v.toFixed(2);
  const series = [
    { label: "band high", stroke: "rgba(31,78,156,.25)", width: 1, value: pct, points: { show: false } },
    { label: "band low", stroke: "rgba(31,78,156,.25)", width: 1, value: pct, points: { show: false } },
    { label: `index (${a.bloc_a.name} + / ${a.bloc_b.name} −)`, stroke: "#1f4e9c", width: 2, value: pct, points: { show: true, size: 5 } },
    { label: "verbal", stroke: "#8e44ad", width: 1, dash: [5, 4], value: pct, points: { show: false } },
    { label: "material", stroke: "#d35400", width: 1, dash: [2, 3], value: pct, points: { show: false } },
  ];
  const place = (u) => placeShiftMarkers(u, shifts);
  drawChart("#rel-chart", "rel", data, series, [{}, { label: "alignment index" }], {
    scales: { y: { range: [-1.05, 1.05] } },
    // Shade between the band's high and low (series 1 and 2).
    bands: [{ series: [1, 2], fill: "rgba(31,78,156,.15)" }],
    hooks: { ready: [place], setSize: [place] },
  });
}

function placeShiftMarkers(u, shifts) {
  for (const m of u.over.querySelectorAll(".shift-marker")) m.remove();
  shifts.forEach((sh, i) => {
    const x = u.valToPos(monthTs(sh.period), "x");
    const m = el("button", { type: "button", class: "shift-marker", "data-period": sh.period, title: `shift from ${sh.period}: ${sh.size >= 0 ? "+" : ""}${sh.size.toFixed(2)}` },
      el("span", {}, `${sh.period} ${sh.size >= 0 ? "+" : ""}${sh.size.toFixed(2)}`));
    m.style.left = `${x}px`;
    m.addEventListener("click", (ev) => { ev.stopPropagation(); showShift(sh, m); });
    m.addEventListener("mousedown", (ev) => ev.stopPropagation());
    u.over.append(m);
  });
  $("#rel-chart").dataset.shifts = String(shifts.length);
}

function showShift(sh, marker) {
  for (const m of document.querySelectorAll(".shift-marker.active")) m.classList.remove("active");
  marker?.classList.add("active");
  $("#rel-shift-title").textContent =
    `Shift from ${sh.period}: ${sh.before.toFixed(2)} → ${sh.after.toFixed(2)} (${sh.size >= 0 ? "+" : ""}${sh.size.toFixed(2)}); ` +
    `events per month ${sh.events_per_month_before.toFixed(1)} → ${sh.events_per_month_after.toFixed(1)}`;
  const rows = sh.drivers.map((d) => {
    const tr = el("tr", { class: "driver", "data-event": d.event_id ?? "" },
      el("td", {}, d.date), el("td", {}, actorLink(d.source)), el("td", {}, eventCell(d)), el("td", {}, actorLink(d.target)),
      el("td", {}, `${d.contribution >= 0 ? "+" : ""}${d.contribution.toFixed(1)}`),
      el("td", {}, highlight(d.text, d.spans)), el("td", {}, docLink(d.doc_id)));
    tr.addEventListener("click", (ev) => { if (ev.target.tagName !== "A") openEvent(d); });
    return tr;
  });
  if (!rows.length) rows.push(el("tr", {}, el("td", { colspan: "7", class: "muted" }, "No single event drives this shift (the change comes from fewer events).")));
  $("#rel-drivers tbody").replaceChildren(...rows);
  $("#rel-shift").hidden = false;
}

async function showRelationship(dyad, country, blocs) {
  show("rel");
  dyad = (dyad || $("#rel-dyad").value || "CHN-KEN").toUpperCase();
  const [a, b] = dyad.split("-");
  country = (country || b || "").toUpperCase();
  blocs = blocs || $("#rel-blocs").value || "china,west";
  $("#rel-dyad").value = dyad; $("#rel-country").value = country; $("#rel-blocs").value = blocs;
  $("#rel-title").replaceChildren(actorLink(a), " — ", actorLink(b));
  $("#rel-labels tbody").replaceChildren();
  $("#rel-shift").hidden = true;
  status("loading…");
  try {
    const [rel, al, sh] = await Promise.all([
      api(`/api/relations?${new URLSearchParams({ dyad })}`),
      api(`/api/alignment?${new URLSearchParams({ country, blocs, by: "month" })}`),
      api(`/api/shifts?${new URLSearchParams({ alignment: country, blocs })}`),
    ]);
    $("#rel-labels tbody").replaceChildren(...rel.relations.map(labelRow));
    $("#rel-labels-empty").hidden = rel.relations.length > 0;
    const x = al.alignment;
    $("#rel-align-title").textContent = `Alignment of ${actorLabel(x.country)}: ${x.bloc_a.name} (+1) vs ${x.bloc_b.name} (−1)` +
      (x.crossings.length ? ` · crosses zero in ${x.crossings.join(", ")}` : "");
    drawAlignment(x, sh.shifts);
    status("");
  } catch (e) { status(e.message); }
}

let codeTimer = null;
let codeSeq = 0;
async function runCode() {
  const text = $("#code-text").value;
  const seq = ++codeSeq;
  if (!text.trim()) { $("#code-events tbody").replaceChildren(); $("#code-status").textContent = ""; return; }
  const body = { text };
  if ($("#code-date").value) body.date = $("#code-date").value;
  $("#code-status").textContent = "coding…";
  try {
    const r = await api("/api/code", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    if (seq !== codeSeq) return; // a newer run is under way
    remember(r.names);
    $("#code-events tbody").replaceChildren(...r.events.map((e) => eventRow(e, false)));
    $("#code-status").textContent = `${r.events.length} events in ${r.sentences} sentences`;
  } catch (e) { if (seq === codeSeq) $("#code-status").textContent = e.message; }
}

function route() {
  const h = decodeURIComponent(location.hash.replace(/^#\/?/, ""));
  const [view, ...rest] = h.split("/");
  const arg = rest.join("/");
  if (view === "code") { show("code"); return; }
  if (view === "doc") { showDoc(arg); return; }
  if (view === "actor") { showActor(arg); return; }
  if (view === "relationship") {
    const [dyad, country, blocs] = rest;
    showRelationship(dyad, country, blocs);
    return;
  }
  if (view === "dyad") {
    const [a, b] = arg.split("-");
    showDyad(a, b, new URLSearchParams(location.search).get("directed") === "true");
    return;
  }
  showDyad();
}

document.addEventListener("DOMContentLoaded", () => {
  $("#dyad-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const [a, b] = [$("#actor-a").value, $("#actor-b").value];
    if (!a || !b) return;
    const next = `#/dyad/${a}-${b}`;
    if (location.hash === next) route(); else location.hash = next;
  });
  $("#directed").addEventListener("change", () => {
    const [a, b] = [$("#actor-a").value, $("#actor-b").value];
    if (a && b) showDyad(a, b, $("#directed").checked);
  });
  $("#rel-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const dyad = $("#rel-dyad").value.trim().toUpperCase();
    const country = $("#rel-country").value.trim().toUpperCase() || dyad.split("-")[1] || "";
    const blocs = $("#rel-blocs").value.trim() || "china,west";
    const next = `#/relationship/${dyad}/${country}/${blocs}`;
    if (location.hash === next) route(); else location.hash = next;
  });
  $("#more-events").addEventListener("click", () => moreEvents().catch((e) => status(e.message)));
  $("#close-detail").addEventListener("click", () => { $("#event-detail").hidden = true; });
  $("#code-run").addEventListener("click", runCode);
  $("#code-text").addEventListener("input", () => { clearTimeout(codeTimer); codeTimer = setTimeout(runCode, 600); });
  window.addEventListener("hashchange", route);
  window.addEventListener("resize", () => { for (const c of Object.values(charts)) c.setSize({ width: Math.max(360, c.root.parentNode.clientWidth - 10), height: 320 }); });
  route();
});
