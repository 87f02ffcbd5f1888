// brochure serve: the editor. The form is generated from the format's
// JSON Schema (GET /api/schema, made from the field table in package data),
// so a field added to the format appears here by itself. Every edit is sent
// as a small operation (set, remove, insert, move at a field path); the
// server changes report.yaml's text in place, rebuilds, and answers with the
// problems and the new preview.
'use strict';

// The editor's words, each in the languages of LANGS (Chinese, English)
// side by side, so that no language lacks one. {n} stands for a number
// or a name.
const LANGS = ['zh-CN', 'en'];
const TEXT = {
  save: ['保存', 'Save'],
  undo: ['撤销', 'Undo'],
  redo: ['重做', 'Redo'],
  saved: ['已保存', 'Saved'],
  unsaved: ['有未保存的修改', 'Unsaved changes'],
  saving: ['正在保存…', 'Saving…'],
  section: ['第{n}节', 'Section {n}'],
  addSection: ['＋ 新增一节', '+ Add a section'],
  newSection: ['新的一节', 'New section'],
  up: ['上移', 'Up'],
  down: ['下移', 'Down'],
  remove: ['删除', 'Remove'],
  addRow: ['＋ 加一行', '+ Add a row'],
  addItem: ['＋ 添加', '+ Add'],
  chart: ['图表', 'Chart'],
  photo: ['图片', 'Photo'],
  newChart: ['新图表', 'New chart'],
  dropPhoto: ['把照片（JPEG、PNG）拖到这一节上即可添加；把表格（CSV、XLSX）拖到图表上即读入数据', 'Drop photos (JPEG, PNG) on this section to add them; drop a spreadsheet (CSV, XLSX) on a chart to read its data'],
  pickPhoto: ['选择照片…', 'Choose a photo…'],
  stale: ['报告有问题，预览停在最后一次能生成的版本', 'The report has problems; the preview shows the last version that built'],
  page: ['第{n}页', 'Page {n}'],
  fromFile: ['数据来自文件', 'Data from a file'],
  pasteHint: ['可从 Excel/WPS 复制多行多列后粘贴', 'Paste rows and columns copied from Excel/WPS'],
  building: ['正在生成…', 'Building…'],
  confirmRemove: ['删除这一节？（可以撤销）', 'Remove this section? (Undo brings it back)'],
  reloaded: ['{n} 已被其他程序修改，已重新载入。点“撤销”可找回刚才的内容。', '{n} was changed by another program and has been reloaded. Undo brings back what was here.'],
  uploadFailed: ['添加失败：', 'Could not add: '],
  problems: ['个问题', ' problems'],
};

// Labels of the format's keys; a key not listed shows as itself (with its
// description from the schema under it).
const LABELS = {
  'zh-CN': {
    title: '标题', subtitle: '副标题', organization: '单位', byline: '署名', date: '日期', language: '语言',
    theme: '版式', print: '印刷', toc: '目录页', sections: '章节', paper: '纸张', orientation: '方向',
    primary: '主色', accent: '辅色', indent: '段首缩进', fonts: '字体', regular: '正文字体', bold: '粗体',
    black: '特粗体', fallback: '后备字体', bleed: '出血', marks: '裁切线', booklet: '骑马订', quality: 'JPEG 质量',
    headline: '导语', stats: '数字', body: '正文', charts: '图表', photos: '图片', value: '数值', prefix: '前缀',
    unit: '单位', label: '说明', change: '变化', type: '类型', data: '数据', total: '总数', percent: '百分比',
    format: '写法', decimals: '小数位', better: '好的方向', series: '分组', values: '各组数值', file: '文件',
    sheet: '工作表', range: '区域', encoding: '编码', caption: '图注', focus: '裁切重点',
    fit: '铺放方式', serif: '宋体', summary: '摘要', highlight: '突出一项', target: '目标值', zero: '从 0 开始',
  },
  en: {},
};

let lang = 'zh-CN';
const t = (k, n) => TEXT[k][LANGS.indexOf(lang)].replace('{n}', n);
const label = (k) => (LABELS[lang] && LABELS[lang][k]) || (lang === 'zh-CN' ? LABELS['zh-CN'][k] : '') || k;

let schema = null;
let st = null; // the server's state
let pending = []; // ops not yet sent
let inflight = false;
let timer = 0;
let lastInput = 0; // performance.now() of the last keystroke
let shownPreview = 0;
const keyOf = {}; // preview id -> the last keystroke it includes
const DEBOUNCE = 60; // ms after the last keystroke

// Timings (ms from the last keystroke to the page in view showing the new
// preview), read by the browser test.
window.brochureTimings = [];
window.brochureDebounce = DEBOUNCE;
window.brochureParts = []; // where the time went: sent, answered, shown (ms after the last keystroke)

const $ = (s) => document.querySelector(s);
function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const k of kids) if (k != null) e.append(k);
  return e;
}

// field paths: ["sections",0,"title"] <-> "sections[0].title" (as in the
// command line's messages)
function pstr(p) {
  let s = '';
  for (const x of p) s += typeof x === 'number' ? `[${x}]` : (s ? '.' : '') + x;
  return s;
}

function resolve(n) {
  for (let i = 0; n && n.$ref && i < 8; i++) n = schema.definitions[n.$ref.replace('#/definitions/', '')];
  return n;
}

function get(v, p) {
  for (const x of p) { if (v == null) return undefined; v = v[x]; }
  return v;
}

// ---- talking to the server ----

async function api(method, url, body, headers) {
  const r = await fetch(url, { method, body, headers, credentials: 'same-origin' });
  let j = null;
  try { j = await r.json(); } catch (e) { /* not JSON */ }
  if (!r.ok && !(j && j.rev !== undefined)) throw new Error((j && j.error) || r.statusText);
  return j;
}

function viewPage() {
  const pane = $('#preview');
  const top = pane.getBoundingClientRect().top;
  let best = 0;
  document.querySelectorAll('.page').forEach((f, i) => {
    const r = f.getBoundingClientRect();
    if (r.top - top <= pane.clientHeight / 3) best = i;
  });
  return best;
}

// queue adds an op; ops for the same field replace each other (typing).
function queue(o, now) {
  if (o.op === 'set') pending = pending.filter((p) => !(p.op === 'set' && pstr(p.path) === pstr(o.path)));
  pending.push(o);
  clearTimeout(timer);
  setStatus();
  if (now) flush(); else timer = setTimeout(flush, DEBOUNCE);
}

async function flush() {
  if (inflight || pending.length === 0) return;
  const ops = pending;
  pending = [];
  inflight = true;
  const structural = ops.some((o) => o.op !== 'set' || o.structural);
  const t0 = performance.now();
  const keyAt = lastInput; // the last keystroke these ops include
  try {
    const s = await api('POST', '/api/edit', JSON.stringify({ ops, view: viewPage() }), { 'Content-Type': 'application/json' });
    if (s.preview && s.preview.rev === s.rev && keyAt) {
      keyOf[s.preview.id] = keyAt;
      window.brochureSteps = { sent: t0 - keyAt, answered: performance.now() - keyAt };
    }
    apply(s, structural);
  } catch (e) {
    showNotice(String(e.message || e));
  } finally {
    inflight = false;
    if (pending.length) flush();
  }
}

function set(path, value, structural) { queue({ op: 'set', path, value, structural }, structural); }

// ---- the state ----

function apply(s, rerender) {
  if (!s || s.rev === undefined) return;
  const first = !st;
  const langChanged = s.language !== lang;
  st = s;
  if (langChanged) { lang = LANGS.includes(s.language) ? s.language : 'zh-CN'; document.documentElement.lang = lang; }
  $('#file').textContent = s.file;
  $('#undo').textContent = t('undo'); $('#redo').textContent = t('redo'); $('#save').textContent = t('save');
  $('#undo').disabled = !s.undo; $('#redo').disabled = !s.redo;
  if (s.notice === 'reloaded') showNotice(t('reloaded', s.file));
  else if (s.notice) showNotice(s.notice);
  if (s.error) showNotice(s.error);
  if (first || rerender || langChanged) renderForm();
  showProblems();
  showPreview();
  setStatus();
}

function setStatus() {
  const e = $('#status');
  if (!st) return;
  const dirty = st.dirty || pending.length > 0;
  e.textContent = dirty ? t('unsaved') : t('saved');
  e.className = dirty ? 'dirty' : '';
}

function showNotice(msg) {
  const n = $('#notice');
  n.textContent = msg;
  n.hidden = !msg;
}

// ---- problems beside their fields ----

function showProblems() {
  document.querySelectorAll('.msg').forEach((m) => { m.textContent = ''; m.className = 'msg'; });
  document.querySelectorAll('.invalid').forEach((m) => m.classList.remove('invalid'));
  const loose = [];
  const all = [...(st.problems || []), ...(st.warnings || [])];
  for (const p of all) {
    const where = p.line ? `${p.file}:${p.line}:${p.column}: ` : (p.file ? p.file + ': ' : '');
    const text = where + p.message;
    let box = null;
    let path = p.field || '';
    while (path && !box) {
      box = document.querySelector(`[data-path="${CSS.escape(path)}"]`);
      if (!box) path = path.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    }
    if (!box) { loose.push(p.field ? `${where}${p.field}: ${p.message}` : text); continue; }
    const msg = box.querySelector(':scope > .msg') || box.querySelector('.msg');
    if (!msg) { loose.push(text); continue; }
    msg.textContent = (msg.textContent ? msg.textContent + '\n' : '') + text;
    if (!p.warning) { msg.classList.remove('warn'); box.classList.add('invalid'); } else if (!box.classList.contains('invalid')) msg.classList.add('warn');
  }
  const sx = $('#syntax');
  sx.textContent = loose.join('\n');
  sx.hidden = loose.length === 0;
}

// ---- the preview ----

function showPreview() {
  const pv = st.preview;
  const pages = $('#pages');
  $('#preview').classList.toggle('stale', (st.problems || []).length > 0);
  $('#preview').title = (st.problems || []).length > 0 ? t('stale') : '';
  if (!pv || pv.id === shownPreview) return;
  shownPreview = pv.id;
  const figs = pages.querySelectorAll('.page');
  for (let i = figs.length; i > pv.pages.length; i--) figs[i - 1].remove();
  for (let i = 0; i < pv.pages.length; i++) {
    let f = pages.children[i];
    if (!f) {
      f = el('figure', { class: 'page', 'data-n': i },
        el('img', { alt: t('page', i + 1) }), el('figcaption', { text: String(i + 1) }), el('div', { class: 'sr pagetext' }));
      pages.append(f);
      observer.observe(f);
    }
    const sz = pv.pages[i];
    f.style.aspectRatio = `${sz.w} / ${sz.h}`;
    f.dataset.want = `${pv.id}/${i}`;
  }
  // the page in view first (the server rendered it with the build), then
  // the others in sight
  const view = pages.children[viewPage()];
  if (view) load(view, () => pages.querySelectorAll('.page').forEach((f) => { if (isVisible(f)) load(f); }));
}

function isVisible(f) {
  const r = f.getBoundingClientRect();
  const pr = $('#preview').getBoundingClientRect();
  return r.bottom >= pr.top - 200 && r.top <= pr.bottom + 200;
}

// load swaps a page's image for the wanted preview once it has loaded, so
// the page never goes blank and the scroll position stays.
function load(f, then) {
  const want = f.dataset.want;
  if (!want) return;
  if (f.dataset.has === want) { if (then) then(); return; }
  if (f.dataset.loading === want) return;
  f.dataset.loading = want;
  const img = new Image();
  img.onload = async () => {
    if (f.dataset.want !== want) return;
    f.querySelector('img').src = img.src;
    f.dataset.has = want;
    if (then) then();
    // the time from the last keystroke to this page showing it, once per
    // preview, when no key was pressed since
    const id = Number(want.split('/')[0]);
    const key = keyOf[id];
    if (key && key === lastInput && f.dataset.n === String(viewPage())) {
      delete keyOf[id];
      window.brochureTimings.push(performance.now() - key);
      window.brochureParts.push(Object.assign({ shown: performance.now() - key }, window.brochureSteps));
    }
    try {
      const r = await fetch('/api/text/' + want, { credentials: 'same-origin' });
      if (r.ok && f.dataset.want === want) f.querySelector('.pagetext').textContent = await r.text();
    } catch (e) { /* the text is a nicety */ }
  };
  img.onerror = () => { if (f.dataset.loading === want) delete f.dataset.loading; };
  img.src = '/api/page/' + want;
}

const observer = new IntersectionObserver((es) => {
  for (const e of es) if (e.isIntersecting) load(e.target);
}, { root: null, rootMargin: '200px' });

// ---- the form, from the schema ----

function renderForm() {
  const form = $('#form');
  const focus = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.input : null;
  const sel = focus && document.activeElement.selectionStart;
  const open = new Set([...document.querySelectorAll('details[open]')].map((d) => d.dataset.key));
  form.replaceChildren();
  if (st.doc == null) return; // a syntax error: shown above
  objectFields(form, schema, st.doc, []);
  if (open.size) document.querySelectorAll('details[data-key]').forEach((d) => { d.open = open.has(d.dataset.key); });
  if (focus) {
    const e = document.querySelector(`[data-input="${CSS.escape(focus)}"]`);
    if (e) { e.focus(); try { if (sel != null) e.setSelectionRange(sel, sel); } catch (x) { /* not text */ } }
  }
}

function objectFields(box, node, value, path) {
  node = resolve(node);
  const props = node.properties || {};
  for (const [k, raw] of Object.entries(props)) {
    const f = resolve(raw);
    const p = [...path, k];
    const v = value ? value[k] : undefined;
    if (k === 'sections') { sectionList(box, f, v || [], p); continue; }
    if (f.type === 'object' || (f.properties && !f.type)) {
      const d = el('details', { class: 'group', 'data-key': pstr(p), 'data-path': pstr(p) }, el('summary', { text: label(k), title: f.description }));
      objectFields(d, f, v, p);
      d.append(el('div', { class: 'msg' }));
      box.append(el('fieldset', {}, d));
      continue;
    }
    if (f.oneOf && f.oneOf.some((a) => resolve(a).type === 'string')) {
      // a file alone, or a group of fields (logo: {file, header})
      if (v && typeof v === 'object') {
        const d = el('details', { class: 'group', 'data-key': pstr(p), 'data-path': pstr(p) }, el('summary', { text: label(k), title: f.description }));
        objectFields(d, f.oneOf.map(resolve).find((a) => a.properties), v, p);
        d.append(el('div', { class: 'msg' }));
        box.append(el('fieldset', {}, d));
      } else box.append(scalarField(k, { type: 'string', description: f.description }, v, p));
      continue;
    }
    if (f.oneOf) { dataField(box, f, v, p); continue; }
    if (f.type === 'array' && f.items && f.items.$ref) {
      const item = resolve(f.items);
      if (isRow(item)) gridField(box, k, item, v || [], p);
      else itemList(box, k, item, v || [], p);
      continue;
    }
    box.append(scalarField(k, f, v, p));
  }
}

// a row of a grid: an object of scalars only (a stat, a chart's data point)
function isRow(item) {
  return Object.values(item.properties || {}).every((f) => { f = resolve(f); return f.type !== 'object' && !f.$ref && !(f.type === 'array' && f.items && f.items.$ref) && !f.oneOf; }) && Object.keys(item.properties).length <= 7;
}

function scalarField(k, f, v, p) {
  const id = pstr(p);
  let input, examples = null;
  const types = [].concat(f.type || []);
  if (f.enum) {
    input = el('select', { 'data-input': id }, el('option', { value: '', text: '—' }), ...f.enum.map((o) => el('option', { value: o, text: o })));
    input.value = v == null ? '' : String(v);
    input.addEventListener('change', () => edit(p, input.value, true));
  } else if (types[0] === 'boolean') {
    input = el('input', { type: 'checkbox', 'data-input': id });
    input.checked = v == null ? f.default === true : (v === true || v === 'true'); // absent: the schema's default
    input.addEventListener('change', () => edit(p, input.checked, true));
  } else if (k === 'body' || (typeof v === 'string' && v.includes('\n'))) {
    input = el('textarea', { 'data-input': id, rows: 8 });
    input.value = v == null ? '' : v;
    input.addEventListener('input', () => { lastInput = performance.now(); edit(p, input.value); });
  } else {
    input = el('input', { type: 'text', 'data-input': id, inputmode: types[0] === 'number' || types[0] === 'integer' ? 'decimal' : null,
      list: f.examples ? id + '-examples' : null });
    if (f.examples) { // offered, not imposed (language: en-GB is as good as en)
      examples = el('datalist', { id: id + '-examples' }, ...f.examples.map((o) => el('option', { value: o })));
    }
    input.value = v == null ? '' : (Array.isArray(v) ? v.map((x) => (x && typeof x === 'object' ? x.name : x)).join(', ') : String(v));
    const isList = types[0] === 'array';
    if (Array.isArray(v) && v.some((x) => x && typeof x === 'object')) input.readOnly = true; // columns with settings: edited in report.yaml
    input.addEventListener('input', () => {
      lastInput = performance.now();
      edit(p, isList ? (k === 'columns' ? input.value.split(/\s*[,，、]\s*/).filter((x) => x !== '') : splitList(input.value)) : input.value);
    });
  }
  input.setAttribute('aria-label', label(k));
  return el('label', { class: 'field', 'data-path': id },
    el('span', { class: 'name', text: label(k), title: k }), input, examples,
    el('span', { class: 'msg', 'aria-live': 'polite' }),
    f.description ? el('span', { class: 'hint', text: f.description }) : null);
}

function splitList(s) {
  const parts = s.split(/[,，、\s]+/).filter((x) => x !== '');
  return parts.length ? parts : '';
}

// edit sets a field, or removes it when emptied.
function edit(p, value, now) {
  if (value === '' || value === null) queue({ op: 'remove', path: p }, true);
  else queue({ op: 'set', path: p, value }, now);
}

function button(text, title, onclick, cls) {
  return el('button', { type: 'button', class: cls || 'small', title, text, onclick });
}

function sectionList(box, f, list, p) {
  const item = resolve(f.items);
  list.forEach((sec, i) => {
    const ip = [...p, i];
    const fs = el('fieldset', { class: 'section', 'data-path': pstr(ip), 'data-section': i });
    fs.append(el('legend', {},
      el('span', { text: t('section', i + 1) + '  ' + (sec && sec.title ? sec.title : '') }), el('span', { class: 'spacer' }),
      button('↑', t('up'), () => queue({ op: 'move', path: p, from: i, to: i - 1 }, true), i === 0 ? 'small hidden' : 'small'),
      button('↓', t('down'), () => queue({ op: 'move', path: p, from: i, to: i + 1 }, true)),
      button('✕', t('remove'), () => { if (confirm(t('confirmRemove'))) queue({ op: 'remove', path: ip }, true); })));
    fs.querySelectorAll('legend button')[0].disabled = i === 0;
    fs.querySelectorAll('legend button')[1].disabled = i === list.length - 1;
    fs.append(el('div', { class: 'msg' }));
    objectFields(fs, item, sec, ip);
    const pick = el('input', { type: 'file', accept: 'image/jpeg,image/png', multiple: true, class: 'pick', 'aria-label': t('pickPhoto') });
    pick.addEventListener('change', () => { for (const file of pick.files) upload(file, i, -1); pick.value = ''; });
    fs.append(el('p', { class: 'drop-hint' }, t('dropPhoto'), ' ', pick));
    dropZone(fs, i);
    box.append(fs);
  });
  box.append(button(t('addSection'), '', () => queue({ op: 'insert', path: p, index: list.length, value: { title: t('newSection') } }, true), ''));
}

function dropZone(fs, section) {
  fs.addEventListener('dragover', (e) => { e.preventDefault(); fs.classList.add('dropping'); });
  fs.addEventListener('dragleave', () => fs.classList.remove('dropping'));
  fs.addEventListener('drop', (e) => {
    e.preventDefault();
    fs.classList.remove('dropping');
    const chartBox = e.target.closest('[data-chart]');
    const chart = chartBox ? Number(chartBox.dataset.chart) : -1;
    for (const file of e.dataTransfer.files) upload(file, section, /\.(csv|xlsx)$/i.test(file.name) ? chart : -1);
  });
}

async function upload(file, section, chart) {
  await flushNow();
  let url = `/api/upload?section=${section}&view=${viewPage()}`;
  if (chart >= 0) url += `&chart=${chart}`;
  try {
    const s = await api('POST', url, file, { 'Content-Type': 'application/octet-stream' });
    apply(s, true);
  } catch (e) {
    showNotice(t('uploadFailed') + (e.message || e));
  }
}

async function flushNow() {
  clearTimeout(timer);
  await flush();
  while (inflight) await new Promise((r) => setTimeout(r, 20));
}

function itemList(box, k, item, list, p) {
  box.append(el('div', { class: 'list-label', text: label(k) }));
  list.forEach((v, i) => {
    const ip = [...p, i];
    const d = el('div', { class: 'item', 'data-path': pstr(ip) });
    if (k === 'charts') d.dataset.chart = i;
    d.append(el('div', { class: 'item-head' },
      el('span', { text: `${label(k)} ${i + 1}` }), el('span', { class: 'spacer' }),
      button('↑', t('up'), () => queue({ op: 'move', path: p, from: i, to: i - 1 }, true)),
      button('↓', t('down'), () => queue({ op: 'move', path: p, from: i, to: i + 1 }, true)),
      button('✕', t('remove'), () => queue({ op: 'remove', path: ip }, true))));
    d.querySelectorAll('.item-head button')[0].disabled = i === 0;
    d.querySelectorAll('.item-head button')[1].disabled = i === list.length - 1;
    d.append(el('div', { class: 'msg' }));
    objectFields(d, item, v, ip);
    box.append(d);
  });
  const fresh = k === 'charts' ? { type: 'bar', title: t('newChart'), data: [{ label: 'A', value: '1' }] } : null;
  if (fresh) box.append(button(t('addItem') + label(k), '', () => queue({ op: 'insert', path: p, index: list.length, value: fresh }, true)));
}

// data: a grid of points, or {file: …} read from a spreadsheet
function dataField(box, f, v, p) {
  const alts = f.oneOf.map(resolve);
  const src = alts.find((a) => a.properties);
  const lst = alts.find((a) => a.type === 'array');
  if (v && !Array.isArray(v) && typeof v === 'object') {
    const d = el('div', { class: 'item', 'data-path': pstr(p) }, el('div', { class: 'item-head', text: t('fromFile') }), el('div', { class: 'msg' }));
    objectFields(d, src, v, p);
    box.append(d);
    return;
  }
  const items = resolve(lst.items);
  if (items.type === 'array') { cellGrid(box, p[p.length - 1], Array.isArray(v) ? v : [], p); return; }
  gridField(box, p[p.length - 1], items, Array.isArray(v) ? v : [], p);
}

// cellGrid: a table's rows, a list of lists of cells: one input a cell; a
// paste of tab-separated rows fills the grid from the cell it lands in.
function cellGrid(box, k, list, p) {
  const wrap = el('div', { class: 'gridbox', 'data-path': pstr(p) });
  wrap.append(el('div', { class: 'list-label', text: label(k), title: t('pasteHint') }));
  const table = el('table', { class: 'grid', 'data-grid': pstr(p) });
  const width = Math.max(1, ...list.map((r) => (Array.isArray(r) ? r.length : 0)));
  const current = () => [...table.querySelectorAll('tr[data-path]')].map((tr) => [...tr.querySelectorAll('input')].map((inp) => inp.value));
  list.forEach((row, i) => {
    const tr = el('tr', { 'data-path': pstr([...p, i]) });
    for (let j = 0; j < width; j++) {
      const cp = [...p, i, j];
      const input = el('input', { type: 'text', 'data-input': pstr(cp), 'aria-label': `${label(k)} ${i + 1}.${j + 1}` });
      const v = Array.isArray(row) ? row[j] : undefined;
      input.value = v == null ? '' : String(v);
      input.addEventListener('input', () => {
        lastInput = performance.now();
        queue({ op: 'set', path: p, value: current(), structural: true });
      });
      input.addEventListener('paste', (e) => {
        const text = (e.clipboardData || window.clipboardData).getData('text/plain');
        if (!/[\t\n]/.test(text.replace(/\n$/, ''))) return;
        e.preventDefault();
        const rows = current();
        text.replace(/\r/g, '').replace(/\n$/, '').split('\n').forEach((line, a) => {
          while (rows.length <= i + a) rows.push(new Array(width).fill(''));
          line.split('\t').forEach((c, b) => { rows[i + a][j + b] = c.trim(); });
        });
        queue({ op: 'set', path: p, value: rows, structural: true }, true);
      });
      tr.append(el('td', {}, input));
    }
    tr.append(el('td', { class: 'del' }, button('✕', t('remove'), () => queue({ op: 'remove', path: [...p, i] }, true))));
    table.append(tr);
  });
  wrap.append(table);
  wrap.append(button(t('addRow'), t('pasteHint'), () => queue({ op: 'insert', path: p, index: list.length, value: new Array(width).fill('—') }, true)));
  wrap.append(el('div', { class: 'msg grid-msg' }));
  box.append(wrap);
}

// gridField: one row per item, one column per field; a paste of
// tab-separated rows (as Excel and WPS copy) fills the grid from the cell
// it lands in, adding rows as needed.
function gridField(box, k, item, list, p) {
  const cols = Object.keys(item.properties);
  const wrap = el('div', { class: 'gridbox', 'data-path': pstr(p) });
  wrap.append(el('div', { class: 'list-label', text: label(k), title: t('pasteHint') }));
  const table = el('table', { class: 'grid', 'data-grid': pstr(p) });
  table.append(el('tr', {}, ...cols.map((c) => el('th', { class: 'col-' + c, text: label(c), title: resolve(item.properties[c]).description })), el('th', { class: 'col-del' })));
  const rows = list.length ? list : [];
  rows.forEach((row, i) => {
    const tr = el('tr', { 'data-path': pstr([...p, i]) });
    cols.forEach((c, j) => {
      const cp = [...p, i, c];
      let v = row ? row[c] : undefined;
      if (Array.isArray(v)) v = v.join(', ');
      const fs = resolve(item.properties[c]);
      let input;
      if (fs.enum) {
        input = el('select', { 'data-input': pstr(cp), 'data-row': i, 'data-col': j, 'aria-label': `${label(c)} ${i + 1}` },
          el('option', { value: '', text: '' }), ...fs.enum.map((o) => el('option', { value: o, text: o })));
        input.value = v == null ? '' : String(v);
        input.addEventListener('change', () => edit(cp, input.value, true));
      } else {
        input = el('input', { type: 'text', 'data-input': pstr(cp), 'data-row': i, 'data-col': j, 'aria-label': `${label(c)} ${i + 1}` });
        input.value = v == null ? '' : String(v);
        const isList = [].concat(fs.type || [])[0] === 'array';
        input.addEventListener('input', () => { lastInput = performance.now(); edit(cp, isList ? splitList(input.value) : input.value); });
        input.addEventListener('paste', (e) => paste(e, table, p, cols, item, i, j));
      }
      tr.append(el('td', { 'data-path': pstr(cp) }, input, el('span', { class: 'msg' })));
    });
    tr.append(el('td', { class: 'del' }, button('✕', t('remove'), () => queue({ op: 'remove', path: [...p, i] }, true))));
    table.append(tr);
  });
  wrap.append(table);
  wrap.append(button(t('addRow'), t('pasteHint'), () => {
    const blank = {};
    blank[cols.includes('label') ? 'label' : cols[0]] = '…';
    queue({ op: 'insert', path: p, index: rows.length, value: blank }, true);
  }));
  wrap.append(el('span', { class: 'drop-hint', text: '  ' + t('pasteHint') }));
  wrap.append(el('div', { class: 'msg grid-msg' }));
  box.append(wrap);
}

function paste(e, table, p, cols, item, r0, c0) {
  const text = (e.clipboardData || window.clipboardData).getData('text/plain');
  if (!/[\t\n]/.test(text.replace(/\n$/, ''))) return; // one cell: the browser pastes it
  e.preventDefault();
  lastInput = performance.now();
  const cells = text.replace(/\r/g, '').replace(/\n$/, '').split('\n').map((l) => l.split('\t'));
  // the grid as it is now, from its inputs
  const rows = [];
  table.querySelectorAll('tr[data-path]').forEach((tr) => {
    const row = {};
    tr.querySelectorAll('input, select').forEach((inp) => { row[cols[Number(inp.dataset.col)]] = inp.value; });
    rows.push(row);
  });
  cells.forEach((line, i) => {
    const r = r0 + i;
    while (rows.length <= r) rows.push({});
    line.forEach((v, j) => { if (c0 + j < cols.length) rows[r][cols[c0 + j]] = v.trim(); });
  });
  const value = rows.map((row) => {
    const o = {};
    for (const c of cols) {
      let v = row[c];
      if (v === undefined || v === '') continue;
      if ([].concat(resolve(item.properties[c]).type || [])[0] === 'array') v = splitList(v);
      o[c] = v;
    }
    return o;
  });
  queue({ op: 'set', path: p, value, structural: true }, true);
}

// ---- start ----

async function poll() {
  if (inflight || pending.length) return;
  try {
    const s = await api('GET', '/api/doc?rev=' + (st ? st.rev : -1));
    if (s && s.doc !== undefined && (!st || s.rev !== st.rev)) apply(s, true);
  } catch (e) { /* the server is gone: try again */ }
}

async function start() {
  schema = await api('GET', '/api/schema');
  apply(await api('GET', '/api/doc'), true);
  $('#save').addEventListener('click', save);
  $('#undo').addEventListener('click', () => step('/api/undo'));
  $('#redo').addEventListener('click', () => step('/api/redo'));
  document.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 's') { e.preventDefault(); save(); }
  });
  $('#preview').addEventListener('scroll', () => document.querySelectorAll('.page').forEach((f) => { if (isVisible(f)) load(f); }));
  setInterval(poll, 1000);
}

async function save() {
  $('#status').textContent = t('saving');
  await flushNow();
  try { apply(await api('POST', '/api/save'), false); } catch (e) { showNotice(String(e.message || e)); }
}

async function step(url) {
  await flushNow();
  try { apply(await api('POST', url + '?view=' + viewPage()), true); } catch (e) { showNotice(String(e.message || e)); }
}

start();
