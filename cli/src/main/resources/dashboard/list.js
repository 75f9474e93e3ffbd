// The rollouts list: status, phase, exposure, ETA, holding reason and last decision of each.
import { getJson } from './api.js';
import { DASH, el, text, time, when, percent, statusBadge } from './format.js';

const COLUMNS = ['Rollout', 'Status', 'Phase', 'Exposure', 'ETA', 'Holding', 'Last decision'];

export async function renderList(main) {
  const items = [];
  let token = null;
  let now = Date.now();
  // A few pages at most: enough for a screen, bounded however many rollouts there are.
  for (let page = 0; page < 5; page++) {
    const query = token ? `?nextToken=${encodeURIComponent(token)}` : '';
    const answer = await getJson('/rollouts' + query);
    now = answer.now;
    items.push(...(answer.body.items || []));
    token = answer.body.nextToken;
    if (!token) break;
  }
  const table = el('table', { class: 'rollouts', id: 'rollouts' },
    el('caption', {}, `Rollouts (${items.length})`),
    el('thead', {}, el('tr', {}, COLUMNS.map((c) => el('th', { scope: 'col' }, c)))),
    el('tbody', {}, items.map((item) => row(item, now))));
  main.replaceChildren(el('h1', {}, 'Rollouts'),
    items.length ? table : el('p', {}, 'No rollouts yet: create one with flightplan create or apply.'));
}

function row(item, now) {
  const progress = item.progress || {};
  const phase = progress.phases
    ? `${progress.phase} of ${progress.phases}${progress.phaseName ? ' · ' + progress.phaseName : ''}`
    : DASH;
  return el('tr', { 'data-rollout': item.id },
    cell('Rollout', el('a', { href: `#/rollouts/${encodeURIComponent(item.id)}` }, item.id)),
    cell('Status', statusBadge(item.status)),
    cell('Phase', phase),
    cell('Exposure', percent(progress.exposure ? progress.exposure.percent : null)),
    cell('ETA', eta(item.eta, now)),
    cell('Holding', item.holding ? text(item.holding.reason) : DASH),
    cell('Last decision', decision(item.lastDecision)));
}

function eta(value, now) {
  if (!value) return DASH;
  if (value.completesAt) return `done ${when(value.completesAt, now)}`;
  if (value.nextStepAt) return `next step ${when(value.nextStepAt, now)}`;
  return DASH;
}

function decision(last) {
  if (!last) return DASH;
  return `${text(last.kind)} ${time(last.at)}${last.reason ? ': ' + last.reason : ''}`;
}

function cell(label, content) {
  return el('td', { 'data-label': label }, content);
}
