// Budget explorer: a Telegram Mini App. No framework, no CDN: the bot serves this file.
// Figures come from the API already formatted by babel (the same text as the chat).
"use strict";
(function () {
  const STRINGS = JSON.parse(document.getElementById("strings").textContent);
  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  const launch = new URLSearchParams(location.hash.slice(1));
  const initData = launch.get("tgWebAppData") || "";
  const COLORS = ["#2f6db5", "#3c8d6e", "#c0793a", "#8a5aa8", "#b0464f", "#4b8fa6", "#7a8a3a", "#6b7a8c"];
  const state = { lang: params.get("lang") || document.documentElement.lang || "ru", entity: params.get("entity"),
    year: Number(params.get("year")) || null, view: "spending", path: [], data: null, years: [] };

  const t = (s) => (STRINGS[state.lang] && STRINGS[state.lang][s]) || s;
  const SVG = new Set(["g", "rect", "text", "title"]);
  const el = (tag, attrs, text) => { const e = SVG.has(tag) ? document.createElementNS("http://www.w3.org/2000/svg", tag) : document.createElement(tag); for (const k in attrs || {}) e.setAttribute(k, attrs[k]); if (text != null) e.textContent = text; return e; };

  async function api(path) {
    const headers = initData ? { "X-Telegram-Init-Data": initData } : {};
    const r = await fetch(path, { headers });
    if (!r.ok) throw new Error(r.status);
    return r.json();
  }

  function labels() {
    document.documentElement.lang = state.lang;
    $("l-year").textContent = t("Year");
    $("l-sources").textContent = t("Sources");
    $("hint").textContent = t("Tap a block to see what it is made of.");
    $("search-input").placeholder = t("Roads, lighting, salaries…");
    document.querySelectorAll(".tab").forEach((b) => {
      b.textContent = t({ spending: "Spending", income: "Income", compare: "Compare", search: "Search" }[b.dataset.view]);
      b.setAttribute("aria-selected", String(b.dataset.view === state.view));
    });
    document.querySelectorAll(".lang").forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.lang === state.lang)));
  }

  // Squarified treemap (Bruls et al.): rows of blocks whose aspect ratios stay near 1.
  function squarify(items, x, y, w, h) {
    const total = items.reduce((s, i) => s + i.value, 0);
    if (!total) return [];
    const scale = (w * h) / total, out = [];
    let rest = items.map((i) => ({ ...i, area: i.value * scale }));
    while (rest.length) {
      const side = Math.min(w, h);
      let row = [], best = Infinity;
      for (const it of rest) {
        const next = row.concat([it]), sum = next.reduce((s, i) => s + i.area, 0);
        const worst = Math.max(...next.map((i) => Math.max((side * side * i.area) / (sum * sum), (sum * sum) / (side * side * i.area))));
        if (worst > best) break;
        row = next; best = worst;
      }
      const sum = row.reduce((s, i) => s + i.area, 0), thick = sum / side;
      let off = 0;
      for (const it of row) {
        const len = it.area / thick;
        out.push(w >= h ? { ...it, x: x, y: y + off, w: thick, h: len } : { ...it, x: x + off, y: y, w: len, h: thick });
        off += len;
      }
      if (w >= h) { x += thick; w -= thick; } else { y += thick; h -= thick; }
      rest = rest.slice(row.length);
    }
    return out;
  }

  function currentNodes() {
    const root = state.view === "income" ? state.data.income : state.data.spending;
    let nodes = root, trail = [];
    for (const code of state.path) {
      const n = nodes.find((x) => x.code === code);
      if (!n || !n.children) break;
      trail.push(n); nodes = n.children;
    }
    return { nodes, trail };
  }

  function drawMap() {
    const { nodes, trail } = currentNodes();
    const crumbs = $("crumbs"); crumbs.textContent = "";
    const top = el("a", { "data-depth": "0" }, state.view === "income" ? t("Income") : t("All spending"));
    top.onclick = () => { state.path = []; render(); };
    crumbs.appendChild(top);
    trail.forEach((n, i) => {
      crumbs.appendChild(document.createTextNode(" › "));
      const a = el("a", { "data-depth": String(i + 1) }, n.name);
      a.onclick = () => { state.path = state.path.slice(0, i + 1); render(); };
      crumbs.appendChild(a);
    });
    const totalNode = trail.length ? trail[trail.length - 1] : state.data.totals[state.view === "income" ? "income_total" : "expense_total"];
    $("total").textContent = totalNode ? `${t("Total")}: ${totalNode.text} ${t("thousand ₸")}` : "";
    const svg = $("map"); svg.textContent = "";
    const W = svg.clientWidth || 340, H = 260;
    svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
    const items = nodes.filter((n) => n.amount > 0).map((n) => ({ node: n, value: n.amount }));
    squarify(items, 0, 0, W, H).forEach((b, i) => {
      const g = el("g", { "data-code": b.node.code });
      const r = el("rect", { x: b.x, y: b.y, width: Math.max(b.w, 0), height: Math.max(b.h, 0), fill: COLORS[i % COLORS.length] });
      r.appendChild(el("title", {}, `${b.node.name}: ${b.node.text}`));
      g.appendChild(r);
      if (b.w > 60 && b.h > 30) {
        const words = b.node.name.length > b.w / 6.5 ? b.node.name.slice(0, Math.floor(b.w / 6.5) - 1) + "…" : b.node.name;
        g.appendChild(el("text", { x: b.x + 4, y: b.y + 14 }, words));
        g.appendChild(el("text", { x: b.x + 4, y: b.y + 28, "font-weight": "bold" }, b.node.text));
      }
      g.onclick = () => open(b.node);
      svg.appendChild(g);
    });
    const list = $("list"); list.textContent = "";
    nodes.forEach((n) => {
      const li = el("li", { "data-code": n.code });
      li.appendChild(el("span", { class: "name" }, n.name + (n.children ? " ›" : "")));
      li.appendChild(el("span", { class: "amount", "data-amount": String(n.amount) }, n.text));
      li.onclick = () => open(n);
      list.appendChild(li);
    });
  }

  function open(node) { if (node.children && node.children.length) { state.path = state.path.concat([node.code]); render(); } }

  function drawCompare() {
    const c = state.data.compare, body = $("cmp").querySelector("tbody");
    body.textContent = "";
    if (!c.year) { $("cmp-title").textContent = t("No budget for the previous year."); return; }
    $("cmp-title").textContent = t("Change against {year}").replace("{year}", c.year);
    const head = el("tr"); ["", String(c.year), String(state.year), ""].forEach((h) => head.appendChild(el("th", {}, h)));
    body.appendChild(head);
    const add = (r, bold) => {
      const tr = el("tr", { "data-code": r.code, class: bold ? "total" : "" });
      tr.appendChild(el("td", {}, r.name));
      tr.appendChild(el("td", { class: "old", "data-amount": String(r.old) }, r.old_text));
      tr.appendChild(el("td", { class: "new", "data-amount": String(r.new) }, r.new_text));
      tr.appendChild(el("td", { class: "diff" }, r.text));
      body.appendChild(tr);
    };
    c.totals.forEach((r) => add(r, true));
    if (c.moved.length) { const tr = el("tr"); tr.appendChild(el("th", { colspan: "4" }, t("Lines that moved most"))); body.appendChild(tr); }
    c.moved.forEach((r) => add(r, false));
  }

  async function doSearch(ev) {
    if (ev) ev.preventDefault();
    const q = $("search-input").value.trim();
    if (!q) return;
    const results = $("results"); results.textContent = "";
    try {
      const r = await api(`/api/v1/search?q=${encodeURIComponent(q)}&lang=${state.lang}&entity=${encodeURIComponent(state.entity)}`);
      $("search-text").textContent = r.items.length ? "" : r.text || t("Nothing found.");
      r.items.forEach((i) => {
        const li = el("li", { "data-code": i.code, "data-year": String(i.year) });
        li.appendChild(el("span", { class: "name" }, `${i.name} (${i.year})`));
        li.appendChild(el("span", { class: "amount", "data-amount": String(i.amount) }, i.text));
        li.onclick = () => jump(i);
        results.appendChild(li);
      });
    } catch (e) { $("search-text").textContent = t("Could not load the data."); }
  }

  async function jump(item) {
    state.view = item.code.match(/^\d{2}(\.|$)/) ? "spending" : "income";
    state.path = item.code.includes(".") ? [item.code.split(".")[0]] : [];
    if (item.year !== state.year) { state.year = item.year; await load(); } else render();
  }

  function drawSources() {
    const list = $("sources"); list.textContent = "";
    const src = state.view === "compare" ? state.data.compare.sources : state.data.sources;
    (src || []).forEach((s) => list.appendChild(el("li", {}, s)));
  }

  function render() {
    labels();
    if (!state.data) return;
    $("title").textContent = `${state.data.name}, ${state.year}`;
    $("view-map").hidden = !(state.view === "spending" || state.view === "income");
    $("view-compare").hidden = state.view !== "compare";
    $("view-search").hidden = state.view !== "search";
    if (!$("view-map").hidden) drawMap();
    if (state.view === "compare") drawCompare();
    drawSources();
    document.body.dataset.ready = `${state.lang}-${state.year}-${state.view}-${state.path.join("/")}`;
  }

  async function load() {
    $("status").textContent = t("Loading…");
    try {
      state.data = await api(`/api/v1/budgets/${encodeURIComponent(state.entity)}/${state.year}?lang=${state.lang}`);
      const sel = $("year"); sel.textContent = "";
      state.data.years.forEach((y) => { const o = el("option", { value: String(y) }, String(y)); if (y === state.year) o.selected = true; sel.appendChild(o); });
      $("status").textContent = "";
    } catch (e) { $("status").textContent = t("Could not load the data."); }
    render();
  }

  async function start() {
    labels();
    if (initData) {
      try { const me = await api("/api/v1/me"); if (!params.get("lang")) state.lang = me.lang; } catch (e) { /* outside Telegram or expired: public data only */ }
    }
    try {
      const ents = await api(`/api/v1/entities?lang=${state.lang}`);
      const known = ents.items.find((e) => e.entity === state.entity) || ents.items[0];
      if (!known) { $("status").textContent = t("Nothing found."); return; }
      state.entity = known.entity;
      if (!state.year || !known.years.includes(state.year)) state.year = known.years[known.years.length - 1];
    } catch (e) { $("status").textContent = t("Could not load the data."); return; }
    await load();
  }

  $("year").onchange = (e) => { state.year = Number(e.target.value); state.path = []; load(); };
  document.querySelectorAll(".lang").forEach((b) => (b.onclick = () => { state.lang = b.dataset.lang; load(); }));
  document.querySelectorAll(".tab").forEach((b) => (b.onclick = () => { state.view = b.dataset.view; state.path = []; render(); }));
  $("search-form").onsubmit = doSearch;
  window.addEventListener("resize", () => render());
  start();
})();
