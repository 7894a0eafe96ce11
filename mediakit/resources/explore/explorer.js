/* mediakit explorer: term scatter, KWIC and evidence browsers. No library, no network. */
"use strict";
(function () {
  const D = JSON.parse(document.getElementById("mk-data").textContent);
  const $ = (id) => document.getElementById(id);
  const el = (tag, attrs, ...kids) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") e.className = v; else if (k === "text") e.textContent = v; else e.setAttribute(k, v);
    }
    for (const k of kids) e.append(k);
    return e;
  };
  const SVGNS = "http://www.w3.org/2000/svg";
  const svg = (tag, attrs) => {
    const e = document.createElementNS(SVGNS, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    return e;
  };
  const A = D.articles, T = D.terms, G = D.meta.groups;
  const art = (i) => ({id: A[i][0], group: A[i][1], date: A[i][2], title: A[i][3]});
  const fmt = (x, d) => (x === null || x === undefined || !isFinite(x)) ? "–" : Number(x).toFixed(d);

  /* ---- statistics: log-odds with the corpus as informative Dirichlet prior (as mk.distinctive_terms) */
  function scores(focus, against) {
    const gi = G.indexOf(focus), gj = against === "rest" ? -1 : G.indexOf(against);
    const a0 = T.alpha0, ni = T.totals[gi], nj = gj < 0 ? a0 - ni : T.totals[gj], q = D.meta.q;
    return T.t.map((term, k) => {
      const c = T.c[k], a = c.reduce((s, v) => s + v, 0), yi = c[gi], yj = gj < 0 ? a - yi : c[gj];
      const score = Math.log((yi + a) / (ni + a0 - yi - a)) - Math.log((yj + a) / (nj + a0 - yj - a));
      const sd = Math.sqrt(1 / (yi + a) + 1 / (yj + a));
      let lo = score - q * sd, hi = score + q * sd, boot = false;
      if (gj < 0 && T.boot && T.boot[focus]) { [lo, hi] = T.boot[focus][k]; boot = true; }
      return {k, term, yi, yj, fi: yi / Math.max(ni, 1) * 1e4, fj: yj / Math.max(nj, 1) * 1e4, score,
              z: score / sd, lo, hi, boot};
    });
  }
  window.mkExplorer = {data: D, scores};

  /* ---- controls */
  const focusSel = $("mk-focus"), againstSel = $("mk-against");
  G.forEach((g) => focusSel.append(el("option", {value: g, text: g})));
  focusSel.value = D.meta.focus && G.includes(D.meta.focus) ? D.meta.focus : G[0];
  function fillAgainst() {
    const keep = againstSel.value;
    againstSel.replaceChildren(el("option", {value: "rest", text: "all other " + D.meta.by + "s"}));
    G.filter((g) => g !== focusSel.value).forEach((g) => againstSel.append(el("option", {value: g, text: g})));
    againstSel.value = [...againstSel.options].some((o) => o.value === keep) ? keep : (D.meta.against || "rest");
    if (!againstSel.value) againstSel.value = "rest";
  }
  let S = [], selected = -1;

  /* ---- scatter (SVG): log frequency per 10,000 tokens, focus on x, the other side on y, colour = z */
  const W = 560, H = 460, M = 42;
  function colour(z) {  // grey (z = 0) to blue (focus leans) or red (the other side leans), |z| >= 4 full
    const t = Math.max(-1, Math.min(1, z / 4)), end = t >= 0 ? [33, 102, 172] : [178, 24, 43], u = Math.abs(t);
    return `rgb(${end.map((c) => Math.round(225 + (c - 225) * u)).join(",")})`;
  }
  function draw() {
    const plot = $("mk-scatter");
    plot.setAttribute("viewBox", `0 0 ${W} ${H}`);
    plot.replaceChildren();
    const vals = S.flatMap((s) => [s.fi, s.fj]).filter((v) => v > 0);
    const lo = Math.log10(Math.min(...vals, 1) / 2), hi = Math.log10(Math.max(...vals, 1) * 1.2);
    const sx = (v) => M + (Math.log10(Math.max(v, 10 ** lo)) - lo) / (hi - lo) * (W - 2 * M);
    const sy = (v) => H - M - (Math.log10(Math.max(v, 10 ** lo)) - lo) / (hi - lo) * (H - 2 * M);
    plot.append(svg("line", {x1: sx(10 ** lo), y1: sy(10 ** lo), x2: sx(10 ** hi), y2: sy(10 ** hi), class: "diag"}));
    for (let p = Math.ceil(lo); p <= hi; p++) {
      const v = 10 ** p, lab = v >= 1 ? String(v) : v.toPrecision(1);
      plot.append(svg("line", {x1: sx(v), y1: H - M, x2: sx(v), y2: H - M + 5, class: "tick"}));
      const tx = svg("text", {x: sx(v), y: H - M + 17, class: "axis", "text-anchor": "middle"}); tx.textContent = lab;
      const ty = svg("text", {x: M - 6, y: sy(v) + 4, class: "axis", "text-anchor": "end"}); ty.textContent = lab;
      plot.append(tx, ty);
    }
    const xl = svg("text", {x: W / 2, y: H - 6, class: "label", "text-anchor": "middle"});
    xl.textContent = `${focusSel.value}: per 10,000 tokens`;
    const yl = svg("text", {x: 12, y: H / 2, class: "label", "text-anchor": "middle", transform: `rotate(-90 12 ${H / 2})`});
    yl.textContent = `${againstSel.value === "rest" ? "all others" : againstSel.value}: per 10,000 tokens`;
    plot.append(xl, yl);
    const order = [...S].sort((a, b) => Math.abs(a.z) - Math.abs(b.z));
    for (const s of order) {
      const c = svg("circle", {cx: sx(s.fi).toFixed(1), cy: sy(s.fj).toFixed(1), r: s.k === selected ? 6 : 3.2,
        fill: colour(s.z), class: s.k === selected ? "pt sel" : "pt", "data-k": s.k});
      plot.append(c);
    }
    $("mk-legend").textContent = `Colour: z of the log-odds ratio (blue: ${focusSel.value} uses the term more; red: ` +
      `the other side does). ${S.length} terms; dots on the diagonal are used alike.`;
  }
  const tip = $("mk-tip");
  $("mk-scatter").addEventListener("mousemove", (ev) => {
    const k = ev.target.getAttribute && ev.target.getAttribute("data-k");
    if (k === null || k === undefined) { tip.hidden = true; return; }
    const s = S[Number(k)];
    tip.hidden = false;
    tip.textContent = `${s.term}: ${s.yi} vs ${s.yj}; z ${fmt(s.z, 2)}; log-odds ${fmt(s.score, 2)} ` +
      `[${fmt(s.lo, 2)}, ${fmt(s.hi, 2)}] (${s.boot ? "bootstrap" : "analytic"} ${Math.round(D.meta.ci * 100)}% CI)`;
    tip.style.left = (ev.offsetX + 14) + "px"; tip.style.top = (ev.offsetY + 8) + "px";
  });
  $("mk-scatter").addEventListener("mouseleave", () => { tip.hidden = true; });
  $("mk-scatter").addEventListener("click", (ev) => {
    const k = ev.target.getAttribute && ev.target.getAttribute("data-k");
    if (k !== null && k !== undefined) select(Number(k));
  });

  function tops() {
    const by = [...S].sort((a, b) => b.z - a.z), other = againstSel.value === "rest" ? "all others" : againstSel.value;
    const item = (s) => { const li = el("li", {class: "term", "data-k": s.k, text: `${s.term} (z ${fmt(s.z, 1)})`});
      li.addEventListener("click", () => select(s.k)); return li; };
    $("mk-top-focus-h").textContent = `Most typical of ${focusSel.value}`;
    $("mk-top-other-h").textContent = `Most typical of ${other}`;
    $("mk-top-focus").replaceChildren(...by.slice(0, 15).filter((s) => s.z > 0).map(item));
    $("mk-top-other").replaceChildren(...by.slice(-15).reverse().filter((s) => s.z < 0).map(item));
  }
  function refresh() { S = scores(focusSel.value, againstSel.value); draw(); tops(); if (selected >= 0) showKwic(selected); }
  focusSel.addEventListener("change", () => { fillAgainst(); refresh(); });
  againstSel.addEventListener("change", refresh);

  /* ---- search */
  const search = $("mk-search"), suggest = $("mk-suggest");
  search.addEventListener("input", () => {
    const q = search.value.trim().toLowerCase();
    suggest.replaceChildren();
    if (!q) return;
    const hits = T.t.map((t, k) => [t, k]).filter(([t]) => t.toLowerCase().startsWith(q))
      .concat(T.t.map((t, k) => [t, k]).filter(([t]) => !t.toLowerCase().startsWith(q) && t.toLowerCase().includes(q)));
    for (const [t, k] of hits.slice(0, 12)) {
      const li = el("li", {class: "suggestion", "data-k": k, text: t});
      li.addEventListener("click", () => { suggest.replaceChildren(); search.value = t; select(k); });
      suggest.append(li);
    }
    if (!hits.length) suggest.append(el("li", {class: "none", text: "not among the embedded terms (see the caps above)"}));
  });
  search.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter") { const f = suggest.querySelector(".suggestion"); if (f) f.click(); }
  });

  /* ---- KWIC */
  function select(k) { selected = k; draw(); showKwic(k); }
  function showKwic(k) {
    const s = S[k], lines = D.kwic[k] || [], box = $("mk-kwic");
    const head = el("h3", {text: `${s.term}: ${s.yi} in ${focusSel.value}, ${s.yj} in ` +
      `${againstSel.value === "rest" ? "all others" : againstSel.value}; z ${fmt(s.z, 2)}, log-odds ${fmt(s.score, 2)} ` +
      `[${fmt(s.lo, 2)}, ${fmt(s.hi, 2)}]`});
    const note = el("p", {class: "hint", text: `${lines.length} line(s) shown of ${D.kwic_seen[k]} match(es) read ` +
      `(at most ${D.meta.caps.kwic_per_term} per term, articles in random order).`});
    const table = el("table", {class: "kwic-table"});
    for (const [a, st, en, ls, re, left, match, right] of lines) {
      const r = art(a);
      const tr = el("tr", {class: "kwic-line", "data-article": r.id, "data-start": st, "data-end": en,
                           "data-left-start": ls, "data-right-end": re},
        el("td", {class: "meta", text: `${r.group} · ${r.date || "undated"}`}),
        el("td", {class: "left", text: left}), el("td", {class: "match"}, el("mark", {text: match})),
        el("td", {class: "right", text: right}), el("td", {class: "title", text: r.title}));
      table.append(tr);
    }
    box.replaceChildren(head, note, table);
  }

  /* ---- frames: outlet x frame -> sentences with cues */
  function frames() {
    const F = D.frames, box = $("mk-frames");
    if (!F.frames.length) { box.replaceChildren(el("p", {class: "hint", text: "No framed sentences."})); return; }
    const table = el("table", {class: "matrix"}), head = el("tr", {}, el("th", {text: ""}));
    F.frames.forEach((f) => head.append(el("th", {text: f})));
    table.append(head);
    for (const g of F.groups) {
      const tr = el("tr", {}, el("th", {text: g}));
      for (const f of F.frames) {
        const key = g + "\u0001" + f, n = F.counts[key] || 0, all = F.sentences_per_group[g] || 1;
        const td = el("td", {class: n ? "cell" : "cell empty", text: `${n} (${(100 * n / all).toFixed(0)}%)`,
                             "data-group": g, "data-frame": f, style: `--w:${Math.min(1, n / all * 4).toFixed(2)}`});
        if (n) td.addEventListener("click", () => frameSentences(g, f));
        tr.append(td);
      }
      table.append(tr);
    }
    box.replaceChildren(table);
  }
  function marked(text, base, spans, cls) {
    const out = el("span", {}), sorted = [...spans].sort((a, b) => a[0] - b[0]);
    let at = 0;
    for (const [s, e, neg] of sorted) {
      const a = s - base, b = e - base;
      if (a < at) continue;
      out.append(text.slice(at, a), el("mark", {class: neg ? cls + " neg" : cls, text: text.slice(a, b)}));
      at = b;
    }
    out.append(text.slice(at));
    return out;
  }
  function frameSentences(g, f) {
    const rows = D.frames.cells[g + "\u0001" + f] || [], n = D.frames.counts[g + "\u0001" + f] || 0;
    const box = $("mk-frame-sentences");
    const list = el("ol", {class: "sentences"});
    for (const [a, field, st, en, score, text, cues] of rows) {
      const r = art(a);
      list.append(el("li", {class: "frame-sentence", "data-article": r.id, "data-field": field, "data-start": st, "data-end": en},
        marked(text, st, cues, "cue"), el("span", {class: "meta", text: ` (${r.date || "undated"}, ${r.title}; score ${score})`})));
    }
    box.replaceChildren(el("h3", {text: `${g} · ${f}: ${rows.length} of ${n} sentence(s), highest score first`}), list);
  }

  /* ---- speakers: quotes side by side per outlet */
  function speakers() {
    const sel = $("mk-speaker"), Q = D.quotes;
    Q.speakers.forEach(([s, n]) => sel.append(el("option", {value: s, text: `${s} (${n})`})));
    sel.addEventListener("change", () => showQuotes(sel.value));
    if (Q.speakers.length) showQuotes(Q.speakers[0][0]);
  }
  function showQuotes(name) {
    const rows = D.quotes.quotes[name] || [], cols = new Map();
    for (const row of rows) { const g = art(row[0]).group; if (!cols.has(g)) cols.set(g, []); cols.get(g).push(row); }
    const box = $("mk-quotes");
    box.replaceChildren(...[...cols.entries()].sort().map(([g, qs]) => el("div", {class: "col"}, el("h4", {text: g}),
      ...qs.map(([a, kind, verb, mention, st, en, quote]) => el("blockquote", {class: "quote " + kind,
        "data-article": art(a).id, "data-start": st, "data-end": en},
        el("span", {class: "kind", text: kind}), " ", el("q", {text: quote}),
        el("span", {class: "meta", text: ` ${mention || name}${verb ? " · " + verb : ""} · ${art(a).date || "undated"}`}))))));
  }

  /* ---- reuse: both passages, what changed marked */
  function reuse() {
    const sel = $("mk-pair"), P = D.reuse.pairs;
    P.forEach((p, i) => { const a = art(p[0]), b = art(p[1]);
      sel.append(el("option", {value: i, text: `${a.group} ${a.date} → ${b.group} ${b.date} (similarity ${p[6]})`})); });
    sel.addEventListener("change", () => showPair(Number(sel.value)));
    if (P.length) { sel.value = 0; showPair(0); } else $("mk-reuse").replaceChildren(el("p", {class: "hint", text: "No reuse found."}));
  }
  function showPair(i) {
    const [sa, ta, ss, se, ts, te, sim, a, b, ops] = D.reuse.pairs[i];
    const side = (ai, text, st, en, spans, tag, label) => el("div", {class: "col passage", "data-article": art(ai).id,
      "data-start": st, "data-end": en}, el("h4", {text: `${label}: ${art(ai).group}, ${art(ai).date || "undated"}, ${art(ai).title}`}),
      marked(text, 0, spans, tag));
    const ca = side(sa, a, ss, se, ops.filter((o) => o[2] > o[1]).map((o) => [o[1], o[2], 0]), "del", "earlier");
    const cb = side(ta, b, ts, te, ops.filter((o) => o[4] > o[3]).map((o) => [o[3], o[4], 0]), "ins", "later");
    $("mk-reuse").replaceChildren(ca, cb);
  }

  fillAgainst();
  refresh();
  frames();
  speakers();
  reuse();
  if (!D.frames.frames.length && !D.reuse.pairs.length && !D.quotes.speakers.length) {
    for (const id of ["frames", "speakers", "reuse"]) $(id).hidden = true;
  }
  document.body.setAttribute("data-ready", "1");
})();
