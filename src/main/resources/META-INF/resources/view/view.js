// The ATT&CK view: draws the matrix once from /view/matrix, then applies the snapshots that /view/stream
// sends (server-sent events) without reloading. Plain DOM: no framework, no build step, nothing from a CDN.
'use strict';

const state = {
  window: 'PT5M',
  filter: 'all',
  matrix: null,
  rulesVersion: null,
  snapshot: null,
  selected: null,
  cells: new Map(),      // technique id -> cell elements (a technique can sit under several tactics)
  recentFirst: null,
  detailFetchedAt: 0,
};
const number = new Intl.NumberFormat('en');

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(url + ': HTTP ' + response.status);
  return response.json();
}

// ---- the matrix ----

function drawMatrix(matrix) {
  state.matrix = matrix;
  state.rulesVersion = matrix.rulesVersion;
  state.cells = new Map();
  document.getElementById('attack-version').textContent = matrix.attackVersion ? 'v' + matrix.attackVersion : '';
  const root = document.getElementById('matrix');
  root.replaceChildren();
  for (const tactic of matrix.tactics) {
    const column = el('div', { class: 'tactic', 'data-tactic': tactic.id },
      el('h3', {}, tactic.name, el('span', { class: 'meta', 'data-tactic-meta': tactic.id })));
    for (const technique of tactic.techniques) column.append(drawCell(technique));
    root.append(column);
  }
  applyCounts();
  if (state.selected) markSelected(state.selected);
}

function drawCell(technique, isSub) {
  const count = el('span', { class: 'count' });
  const idLine = el('span', { class: 'id' }, technique.id);
  const head = el('div', { class: 'cell ' + (technique.rules > 0 ? 'covered' : 'uncovered'),
    'data-technique': technique.id, 'data-rules': technique.rules,
    title: technique.id + ' ' + technique.name + ' · ' + technique.rules + ' loaded rule(s)',
    onclick: () => select(technique.id) },
  idLine, el('span', { class: 'name' }, technique.name));
  const entry = { cell: head, count, isSub: !!isSub };
  if (!state.cells.has(technique.id)) state.cells.set(technique.id, []);
  state.cells.get(technique.id).push(entry);
  const subtechniques = technique.subtechniques || [];
  if (subtechniques.length === 0) {
    idLine.append(count);
    return head;
  }
  const subs = el('div', { class: 'subs', hidden: true });
  for (const sub of subtechniques) subs.append(drawCell(sub, true));
  const toggle = el('button', { type: 'button', class: 'toggle', 'data-toggle': technique.id,
    title: 'Sub-techniques', 'aria-expanded': 'false',
    onclick: (event) => {
      event.stopPropagation();
      subs.hidden = !subs.hidden;
      toggle.setAttribute('aria-expanded', String(!subs.hidden));
      toggle.textContent = (subs.hidden ? '▸ ' : '▾ ') + subtechniques.length;
    } }, '▸ ' + subtechniques.length);
  idLine.append(toggle, count);
  entry.subs = subs;
  return el('div', { class: 'technique' }, head, subs);
}

/** The cell's colour for a count: pale to deep orange on a log scale; white text on the deep end. */
function heat(count, max) {
  if (!count) return { background: '', color: '' };
  const t = max <= 1 ? 1 : Math.log(1 + count) / Math.log(1 + max);
  const from = [255, 243, 196];
  const to = [194, 65, 12];
  const mix = 0.25 + 0.75 * t;
  const rgb = from.map((f, i) => Math.round(f + (to[i] - f) * mix));
  return { background: 'rgb(' + rgb.join(',') + ')', color: mix > 0.7 ? '#fff' : '' };
}

function applyCounts() {
  const snapshot = state.snapshot;
  if (!state.matrix || !snapshot) return;
  const counts = snapshot.windows[state.window] || { techniques: {}, families: {} };
  // a parent cell counts its sub-techniques' events too; a sub-technique cell only its own
  let max = 0;
  for (const value of Object.values(counts.families)) max = Math.max(max, value);
  for (const [id, entries] of state.cells) {
    for (const entry of entries) {
      const n = (entry.isSub ? counts.techniques[id] : counts.families[id]) || 0;
      entry.count.textContent = n ? number.format(n) : '';
      const colour = heat(n, max);
      entry.cell.style.background = colour.background;
      entry.cell.style.color = colour.color;
      entry.cell.classList.toggle('hot', n > 0);
      entry.cell.dataset.count = String(n);
      const rules = Number(entry.cell.dataset.rules);
      const hidden = !entry.isSub && ((state.filter === 'rules' && rules === 0) || (state.filter === 'detected' && n === 0));
      entry.cell.classList.toggle('hidden', hidden);
      if (entry.subs && hidden) entry.subs.hidden = true;
    }
  }
  for (const tactic of state.matrix.tactics) {
    const detected = tactic.techniques.filter(t => (counts.families[t.id] || 0) > 0).length;
    const covered = tactic.techniques.filter(t => t.rules > 0).length;
    const meta = document.querySelector('[data-tactic-meta="' + tactic.id + '"]');
    if (meta) meta.textContent = detected + ' detected · ' + covered + '/' + tactic.techniques.length + ' with rules';
  }
}

// ---- figures and last events ----

function applyFigures(snapshot) {
  const f = snapshot.figures;
  const counts = snapshot.windows[state.window];
  setText('consumed', number.format(f.consumed));
  setText('written', number.format(f.written));
  setText('rate', number.format(Math.round(f.writtenPerSecond)));
  setText('lag', f.consumerLag === null || f.consumerLag === undefined ? '–' : number.format(f.consumerLag));
  setText('matched', counts ? number.format(counts.matched) : '–');
  setText('events-in-window', counts ? 'of ' + number.format(counts.events) + ' events' : '');
  const reasons = Object.entries(f.deadLettered || {}).filter(([, n]) => n > 0);
  setText('dead-total', number.format(reasons.reduce((sum, [, n]) => sum + n, 0)));
  setText('dead-reasons', reasons.map(([reason, n]) => reason + ' ' + number.format(n)).join(' · ') || 'none');
  setText('rules', number.format(f.rulesLoaded) + ' loaded');
  setText('unsupported', number.format(f.rulesUnsupported) + ' unsupported');
  setText('csv-path', f.csvPath);
  const generator = document.getElementById('generator');
  generator.hidden = !f.generator;
  if (f.generator) {
    document.getElementById('generator-toggle').textContent = f.generator.running ? 'Stop' : 'Start';
    document.getElementById('generator-toggle').dataset.running = String(f.generator.running);
    const rate = document.getElementById('generator-rate');
    if (document.activeElement !== rate) rate.value = f.generator.rate;
  }
}

function setText(id, text) {
  const node = document.getElementById(id);
  if (node.textContent !== text) node.textContent = text;
}

function time(millis) {
  return new Date(millis).toLocaleTimeString('en-GB', { hour12: false });
}

function matchChips(matches) {
  if (!matches || matches.length === 0) return el('span', { class: 'sub' }, 'no rule');
  return matches.map(m => el('span', { class: 'chip', title: m.id + ' (' + m.level + ')' }, m.title,
    el('span', { class: 'tech' }, m.techniques.join(' '))));
}

function applyRecent(events) {
  const first = events.length ? events[0].eventId + '@' + events[0].writtenAt : null;
  if (first === state.recentFirst) return;
  state.recentFirst = first;
  const body = document.querySelector('#recent tbody');
  body.replaceChildren(...events.map(e => el('tr', { 'data-event': e.eventId },
    el('td', {}, time(e.writtenAt)), el('td', { class: 'mono', title: e.eventId }, e.eventId.slice(0, 8)),
    el('td', {}, e.eventType), el('td', {}, e.user), el('td', {}, e.host), el('td', { class: 'mono' }, e.sourceIp),
    el('td', { class: 'mono' }, e.tactic), el('td', { class: 'mono' }, e.technique), el('td', {}, matchChips(e.matches)))));
}

// ---- the selected technique ----

function markSelected(id) {
  document.querySelectorAll('.cell.selected').forEach(c => c.classList.remove('selected'));
  for (const entry of state.cells.get(id) || []) entry.cell.classList.add('selected');
}

async function select(id) {
  state.selected = id;
  markSelected(id);
  await refreshDetail();
}

async function refreshDetail() {
  if (!state.selected) return;
  state.detailFetchedAt = Date.now();
  const id = state.selected;
  let detail;
  try {
    detail = await getJson('view/techniques/' + encodeURIComponent(id) + '?window=' + state.window);
  } catch (error) {
    return;
  }
  if (id !== state.selected) return;
  const panel = document.getElementById('detail');
  const windowName = { PT5M: 'the last 5 minutes', PT1H: 'the last hour', all: 'since start' }[state.window];
  panel.replaceChildren(
    el('h2', { 'data-detail': detail.id }, el('span', { class: 'id' }, detail.id), detail.name),
    el('div', { class: 'sub' }, detail.tactics.join(' · ') + (detail.withSubtechniques ? ' · with its sub-techniques' : '')),
    el('p', {}, el('strong', { id: 'detail-events' }, number.format(detail.events)), ' event(s) in ' + windowName),
    el('h3', {}, 'Rules that fired for it'),
    detail.fired.length === 0 ? el('p', { class: 'hint' }, 'None in this window.') :
      el('table', { id: 'detail-fired' }, el('tbody', {}, detail.fired.map(r => el('tr', { 'data-rule': r.id },
        el('td', {}, r.title, ' ', el('span', { class: 'level ' + r.level }, r.level)),
        el('td', { class: 'mono' }, r.techniques.join(' ')), el('td', { class: 'num' }, number.format(r.events)))))),
    el('h3', {}, 'Its last events'),
    detail.lastEvents.length === 0 ? el('p', { class: 'hint' }, 'None yet.') :
      el('table', {}, el('tbody', {}, detail.lastEvents.map(e => el('tr', {},
        el('td', {}, time(e.writtenAt)), el('td', {}, e.eventType + ' · ' + e.user + '@' + e.host),
        el('td', {}, matchChips(e.matches)))))),
    el('p', { class: 'sub' }, number.format(detail.loadedRules) + ' loaded rule(s) can detect it'));
}

// ---- updates ----

async function onSnapshot(snapshot) {
  state.snapshot = snapshot;
  if (state.rulesVersion !== null && snapshot.rulesVersion !== state.rulesVersion) {
    drawMatrix(await getJson('view/matrix'));   // the rules were reloaded: coverage changed
  }
  applyFigures(snapshot);
  applyCounts();
  applyRecent(snapshot.recent);
  if (state.selected && Date.now() - state.detailFetchedAt > 2000) refreshDetail();
}

function connect() {
  const status = document.getElementById('status');
  const source = new EventSource('view/stream');
  source.onopen = () => { status.textContent = 'live'; status.className = 'status live'; };
  source.onmessage = (message) => onSnapshot(JSON.parse(message.data));
  source.onerror = () => { status.textContent = 'reconnecting…'; status.className = 'status down'; };
}

function setWindow(name) {
  state.window = name;
  document.querySelectorAll('.windows button').forEach(b => b.classList.toggle('selected', b.dataset.window === name));
  document.getElementById('layer-link').href = 'attack/layer.json' + (name === 'all' ? '' : '?window=' + name);
  if (state.snapshot) applyFigures(state.snapshot);
  applyCounts();
  refreshDetail();
}

async function setGenerator(running) {
  const rate = Number(document.getElementById('generator-rate').value) || 5;
  await fetch('view/generator', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ running, rate }) });
}

async function start() {
  document.querySelectorAll('.windows button').forEach(b => b.addEventListener('click', () => setWindow(b.dataset.window)));
  document.getElementById('filter').addEventListener('change', (e) => { state.filter = e.target.value; applyCounts(); });
  document.getElementById('generator-toggle').addEventListener('click',
    (e) => setGenerator(e.target.dataset.running !== 'true'));
  document.getElementById('generator-rate').addEventListener('change', () => setGenerator(true));
  try {
    drawMatrix(await getJson('view/matrix'));
  } catch (error) {
    document.getElementById('matrix').replaceChildren(el('p', { class: 'empty' }, 'Cannot load the matrix: ' + error.message));
  }
  connect();
}

start();
