// The QA dashboard's script (docs/dashboard.md). It reads and drives the emulator through the control API's
// public endpoints only (GET /_emulator/openapi.json lists them), under the mount path the page names
// (`data-api`). Everything it shows goes into the page as text (textContent), never as HTML; a link is made only
// of an http(s) URL.
/* global document, window, FormData, setInterval, Node */

const root = document.getElementById('dashboard');
const api = root.dataset.api;
const csrf = root.dataset.csrf;
const JOURNAL_ROWS = 100;
const POLL_MS = 2000;

const journal = { entries: [], since: undefined, clientId: '', path: '', generation: 0, running: Promise.resolve() };

async function call(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-CSRF-Token'] = csrf;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(api + path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  if (res.status === 401) {
    window.location.reload();
    throw new Error('Signed out: sign in again');
  }
  const data = res.status === 204 ? undefined : await res.json();
  if (!res.ok) throw new Error(data && data.message ? data.message : `The control API answered ${res.status}`);
  return data;
}

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value !== undefined) node.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function link(href, text) {
  return /^https?:\/\//i.test(href) ? el('a', { class: 'govuk-link', href }, text || href) : String(href);
}

function table(caption, headers, rows, testid) {
  if (!rows.length) return el('p', { class: 'govuk-body', 'data-testid': `${testid}-empty` }, `No ${caption.toLowerCase()}.`);
  return el(
    'table',
    { class: 'govuk-table', 'data-testid': `${testid}-table` },
    el('caption', { class: 'govuk-table__caption govuk-visually-hidden' }, caption),
    el('thead', { class: 'govuk-table__head' }, el('tr', { class: 'govuk-table__row' }, headers.map((h) => el('th', { scope: 'col', class: 'govuk-table__header' }, h)))),
    el('tbody', { class: 'govuk-table__body' }, rows.map((cells) => el('tr', { class: 'govuk-table__row', 'data-testid': `${testid}-row` }, cells.map((c) => el('td', { class: 'govuk-table__cell' }, c))))),
  );
}

function lines(values) {
  return values.length ? el('ul', { class: 'govuk-list' }, values.map((v) => el('li', {}, v))) : '';
}

function fill(id, node) {
  document.getElementById(id).replaceChildren(node);
}

/** Sets a kind of `<select data-options>` to these options, keeping what was chosen. */
function options(kind, choices) {
  for (const select of document.querySelectorAll(`select[data-options="${kind}"]`)) {
    const chosen = select.value;
    select.replaceChildren(...choices.map(([value, text]) => el('option', { value }, text)));
    if (choices.some(([value]) => value === chosen)) select.value = chosen;
  }
}

function problem(message) {
  const box = document.querySelector('[data-testid="problem"]');
  document.getElementById('problem-text').textContent = message || '';
  box.hidden = !message;
  if (message) box.focus();
}

async function showClock() {
  document.getElementById('clock-now').textContent = (await call('GET', '/clock')).now;
}

async function showApplications() {
  const { applications } = await call('GET', '/applications');
  options('clients', [['', 'Any application'], ...applications.map((a) => [a.clientId, `${a.name} (${a.clientId})`])]);
  fill('applications', table('Applications', ['Name', 'Client ID', 'Client secrets', 'Redirect URIs', 'Subscriptions'], applications.map((a) => [a.name, el('code', {}, a.clientId), lines(a.clientSecrets.map((s) => el('code', {}, s))), lines(a.redirectUris), lines(a.subscriptions)]), 'application'));
}

async function showAccounts() {
  const { accounts } = await call('GET', '/accounts');
  const identifiers = (a) => Object.entries(a.identifiers || {}).map(([k, v]) => `${k}: ${v}`);
  fill('accounts', table('Accounts', ['User ID', 'Password', 'Type', 'Name', 'Identifiers'], accounts.map((a) => [el('code', {}, a.userId), a.password ? el('code', {}, a.password) : '(set by a test)', a.affinityGroup, a.userFullName, lines(identifiers(a))]), 'account'));
}

async function showPresets() {
  const [{ outcomes }, { presets }] = await Promise.all([call('GET', '/journeys/outcomes'), call('GET', '/journeys/presets')]);
  options('outcomes', outcomes.filter((o) => o.presettable).map((o) => [o.id, `${o.id}: ${o.description}`]));
  const times = (p) => (p.remaining === undefined ? 'until removed' : String(p.remaining));
  fill('presets', table('Presets', ['Outcome', 'Application', 'User', 'Without pages', 'Journeys left'], presets.map((p) => [p.outcome, p.clientId || 'any', p.userId || 'any', p.auto ? 'yes' : 'no', times(p)]), 'preset'));
}

async function showFaults() {
  const { catalogue, active } = await call('GET', '/faults');
  options('faults', catalogue.map((f) => [f.id, `${f.id} (${f.appliesTo}): ${f.description}`]));
  const times = (f) => (f.remaining === undefined ? 'until switched off' : String(f.remaining));
  fill('faults', table('Faults switched on', ['Fault', 'Application', 'Path', 'Requests left'], active.map((f) => [f.id, f.clientId || 'any', f.pathPrefix || 'any', times(f)]), 'fault'));
}

/** One journal read at a time; a read made under a filter since changed is dropped. */
function showJournal() {
  journal.running = journal.running.then(readJournal, readJournal);
  return journal.running;
}

async function readJournal() {
  const generation = journal.generation;
  const query = new URLSearchParams();
  if (journal.since !== undefined) query.set('since', String(journal.since));
  if (journal.clientId) query.set('clientId', journal.clientId);
  if (journal.path) query.set('path', journal.path);
  const { entries } = await call('GET', `/journal?${query}`);
  if (generation !== journal.generation) return;
  if (entries.length) journal.since = entries[entries.length - 1].id;
  journal.entries = [...entries.reverse(), ...journal.entries].slice(0, JOURNAL_ROWS);
  fill('journal', table('Requests', ['Time', 'Application', 'Method', 'Path', 'Status', 'Milliseconds'], journal.entries.map((e) => [e.time, e.clientId || '', e.method, e.path, String(e.status), String(e.durationMs)]), 'journal'));
}

async function showMessages() {
  const { messages } = await call('GET', '/outbox');
  const body = (m) => [m.subject ? el('strong', {}, m.subject) : '', el('p', { class: 'govuk-body-s' }, m.body), lines((m.links || []).map((href) => link(href)))];
  fill('messages', table('Messages', ['Sent', 'How', 'To', 'Message'], [...messages].reverse().map((m) => [m.sentAt, m.channel, m.to, body(m)]), 'message'));
}

async function refresh(...parts) {
  try {
    await Promise.all(parts.map((show) => show()));
  } catch (e) {
    problem(e.message);
  }
}

const everything = [showClock, showApplications, showAccounts, showPresets, showFaults, showJournal, showMessages];

/** What each form does: a control-API call, then the parts of the page it changes. */
const actions = {
  clock: async (f) => {
    await call('POST', '/clock/advance', { by: f.get('by') });
    return everything;
  },
  preset: async (f) => {
    const body = { outcome: f.get('outcome'), auto: f.get('auto') === 'true' };
    if (f.get('clientId')) body.clientId = f.get('clientId');
    if (f.get('userId')) body.userId = String(f.get('userId')).trim();
    await call('POST', '/journeys/presets', body);
    return [showPresets];
  },
  'clear-presets': async () => {
    await call('DELETE', '/journeys/presets');
    return [showPresets];
  },
  fault: async (f) => {
    const times = f.get('times') === 'always' ? 'always' : Number(f.get('times'));
    const body = { id: f.get('id'), times };
    if (f.get('clientId')) body.clientId = f.get('clientId');
    await call('POST', '/faults', body);
    return [showFaults];
  },
  'clear-faults': async () => {
    await call('DELETE', '/faults');
    return [showFaults];
  },
  'journal-filter': async (f) => {
    Object.assign(journal, { entries: [], since: undefined, clientId: f.get('clientId') || '', path: String(f.get('path') || '').trim(), generation: journal.generation + 1 });
    return [showJournal];
  },
};

document.addEventListener('submit', async (event) => {
  const form = event.target;
  const action = actions[form.dataset.action];
  if (!action) return;
  event.preventDefault();
  problem('');
  try {
    await refresh(...(await action(new FormData(form))));
  } catch (e) {
    problem(e.message);
  }
});

root.dataset.ready = 'false';
refresh(...everything).then(() => {
  root.dataset.ready = 'true';
});
setInterval(() => void refresh(showClock, showJournal, showMessages), POLL_MS);
