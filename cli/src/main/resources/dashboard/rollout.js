// One rollout: summary with the holding reason and ETA, phase timeline, gates, charts, history.
import { getJson, rolloutPath, ApiError } from './api.js';
import { DASH, el, text, time, when, span, percent, metricValue, statusBadge } from './format.js';
import { renderCharts } from './charts.js';
import { renderActions } from './actions.js';

/** The page of one rollout: built once, its parts replaced on each refresh. */
export class RolloutPage {
  constructor(main, id, config, onChange) {
    this.id = id;
    this.config = config;
    this.onChange = onChange;
    this.charts = new Map();
    this.parts = {};
    const section = (name, title) => {
      this.parts[name] = el('div', { class: `part part-${name}` });
      return el('section', { id: name, 'aria-labelledby': `${name}-title` },
        el('h2', { id: `${name}-title` }, title), this.parts[name]);
    };
    this.heading = el('h1', {}, id);
    this.actions = el('div', { class: 'actions', id: 'actions' });
    main.replaceChildren(
      el('nav', { class: 'crumbs' }, el('a', { href: '#/' }, '← All rollouts')),
      this.heading, this.actions,
      section('summary', 'Now'), section('timeline', 'Phases'), section('gates', 'Gates'),
      section('charts', 'Metrics'), section('history', 'History'));
  }

  async refresh() {
    const { body: rollout, now } = await getJson(rolloutPath(this.id));
    const history = await getJson(rolloutPath(this.id) + '/history').then((a) => a.body.items || [], () => []);
    this.heading.replaceChildren(rollout.id, ' ', statusBadge(rollout.status));
    renderActions(this.actions, rollout, history, this.config, this.onChange);
    this.parts.summary.replaceChildren(summary(rollout, now));
    this.parts.timeline.replaceChildren(timeline(rollout, now));
    this.parts.gates.replaceChildren(gates(rollout));
    this.parts.history.replaceChildren(historyTable(history, rollout.plan));
    await this.refreshCharts(rollout);
  }

  async refreshCharts(rollout) {
    try {
      const { body } = await getJson(rolloutPath(this.id) + '/metrics');
      renderCharts(this.parts.charts, body, rollout.plan, this.charts);
    } catch (error) {
      const why = error instanceof ApiError ? error.message : String(error);
      this.parts.charts.replaceChildren(el('p', { class: 'note' }, `Metric series are not available: ${why}`));
      this.charts.forEach((chart) => chart.destroy());
      this.charts.clear();
    }
  }

  close() {
    this.charts.forEach((chart) => chart.destroy());
  }
}

function summary(rollout, now) {
  const progress = rollout.progress || {};
  const holding = rollout.holding;
  const eta = rollout.eta;
  const rows = [
    ['Phase', progress.phases ? `${progress.phase} of ${progress.phases}${progress.phaseName ? ' · ' + progress.phaseName : ''}` : DASH],
    ['Exposure', percent(progress.exposure ? progress.exposure.percent : null)],
    ['Holding', holding ? holdingText(holding, now) : DASH],
    ['Next step', eta ? `${text(eta.nextStep)}${eta.nextStepAt ? ' ' + when(eta.nextStepAt, now) : ''}` : DASH],
    ['Completes', eta && eta.completesAt ? when(eta.completesAt, now) : DASH],
    ['Waits for', eta && eta.waitsFor && eta.waitsFor.length ? eta.waitsFor.join('; ') : DASH],
    ['Assumes', eta ? text(eta.assumes) : DASH],
    ['Last decision', rollout.lastDecision
      ? `${text(rollout.lastDecision.kind)} ${time(rollout.lastDecision.at)}: ${text(rollout.lastDecision.reason)}` : DASH],
  ];
  if (rollout.problem) rows.push(['Problem', rollout.problem]);
  return el('dl', { class: 'facts' }, rows.map(([k, v]) => [el('dt', {}, k), el('dd', { 'data-fact': k }, v)]));
}

function holdingText(holding, now) {
  const parts = [text(holding.reason)];
  if (holding.since) parts.push(`since ${time(holding.since)}`);
  if (holding.until) parts.push(`until ${when(holding.until, now)}`);
  if (holding.by && !String(holding.reason).includes(holding.by)) parts.push(`by ${holding.by}`);
  return `${text(holding.kind)}: ${parts.join(', ')}`;
}

function timeline(rollout, now) {
  const phases = (rollout.plan && rollout.plan.phases) || [];
  if (!phases.length) return el('p', {}, DASH);
  const progress = rollout.progress || {};
  const current = rollout.status === 'COMPLETED' ? phases.length : (progress.phase || 0) - 1;
  return el('ol', { class: 'timeline' }, phases.map((phase, i) => {
    const stage = i < current ? 'done' : i === current ? 'current' : 'upcoming';
    const exposure = phase.percent !== undefined ? `${phase.percent}%` : (phase.audiences || []).join(', ');
    return el('li', { class: `phase phase-${stage}`, 'aria-current': stage === 'current' ? 'step' : null },
      el('span', { class: 'phase-name' }, phase.name),
      el('span', { class: 'phase-detail' }, `${exposure || DASH} · bake ${text(phase.bake)}${phase.approval ? ' · approval' : ''}`),
      stage === 'current' ? bake(progress, now) : null);
  }), rollout.eta && rollout.eta.completesAt
    ? el('li', { class: 'phase phase-eta' }, el('span', { class: 'phase-name' }, 'Complete'),
      el('span', { class: 'phase-detail' }, `earliest ${when(rollout.eta.completesAt, now)}`))
    : null);
}

function bake(progress, now) {
  const start = Date.parse(progress.phaseStartedAt), end = Date.parse(progress.bakeEndsAt);
  if (Number.isNaN(start) || Number.isNaN(end)) return null;
  const total = Math.max(end - start, 0);
  const done = Math.min(Math.max(now - start, 0), total);
  const label = now >= end ? `bake done (${span(total)})` : `bake: ${span(end - now)} left of ${span(total)}`;
  return el('span', { class: 'bake' },
    el('progress', { max: total || 1, value: total ? done : 1, 'aria-label': label }), ' ', label);
}

function unitOf(plan, metric) {
  const spec = plan && plan.metrics ? plan.metrics[metric] : null;
  if (!spec) return null;
  return spec.unit || (spec.ratio ? 'ratio' : null);
}

function gates(rollout) {
  const recorded = Array.isArray(rollout.gates) ? rollout.gates : null;
  const planned = (rollout.plan && rollout.plan.gates) || [];
  const rows = recorded || planned.map((g) => ({ ...g, verdict: null }));
  if (!rows.length) return el('p', {}, 'This plan has no gates.');
  const head = ['Gate', 'Rule', 'Action', 'Verdict', 'Candidate', 'Baseline', 'Samples', 'p / bound', 'Evaluated', 'Message'];
  return el('table', { class: 'gates' },
    el('thead', {}, el('tr', {}, head.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.map((g) => {
      const unit = unitOf(rollout.plan, g.metric);
      const values = g.values || {}, samples = g.samples || {};
      const rule = `${text(g.metric)} ${text(g.op)} ${text(g.threshold)}${g.for ? ' for ' + g.for : ''}`;
      const stats = g.pValue !== null && g.pValue !== undefined ? `p = ${g.pValue.toPrecision(3)}`
        : g.bound !== null && g.bound !== undefined ? `bound ${metricValue(g.bound, unit)}` : DASH;
      return el('tr', { 'data-gate': text(g.name) },
        el('td', { 'data-label': 'Gate' }, text(g.name)),
        el('td', { 'data-label': 'Rule' }, rule),
        el('td', { 'data-label': 'Action' }, text(g.action)),
        el('td', { 'data-label': 'Verdict' }, el('span', { class: `verdict verdict-${String(g.verdict || 'none').toLowerCase()}` }, text(g.verdict))),
        el('td', { 'data-label': 'Candidate' }, metricValue(values.candidate, unit)),
        el('td', { 'data-label': 'Baseline' }, metricValue(values.baseline, unit)),
        el('td', { 'data-label': 'Samples' }, `${text(samples.candidate)} / ${text(samples.baseline)}`),
        el('td', { 'data-label': 'p / bound' }, stats),
        el('td', { 'data-label': 'Evaluated' }, time(g.evaluatedAt)),
        el('td', { 'data-label': 'Message' }, text(g.message)));
    })));
}

function historyTable(items, plan) {
  if (!items.length) return el('p', {}, DASH);
  const newest = items.slice(-50).reverse();
  const head = ['#', 'At', 'Actor', 'Action', 'Status', 'Phase', 'Gate', 'Reason'];
  return el('table', { class: 'history' },
    el('thead', {}, el('tr', {}, head.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, newest.map((h) => el('tr', {},
      el('td', { 'data-label': '#' }, text(h.seq)),
      el('td', { 'data-label': 'At' }, time(h.at)),
      el('td', { 'data-label': 'Actor' }, text(h.actor)),
      el('td', { 'data-label': 'Action' }, text(h.action)),
      el('td', { 'data-label': 'Status' }, h.from || h.to ? `${text(h.from)} → ${text(h.to)}` : DASH),
      el('td', { 'data-label': 'Phase' }, phaseOf(h.phase, plan)),
      el('td', { 'data-label': 'Gate' }, text(h.gate)),
      el('td', { 'data-label': 'Reason' }, text(h.reason))))));
}

/** A history entry's phase counted from 1, as the list and the CLI count it, with its name. */
function phaseOf(index, plan) {
  if (typeof index !== 'number' || index < 0) return DASH;
  const phase = plan && plan.phases ? plan.phases[index] : null;
  return phase ? `${index + 1} · ${phase.name}` : String(index + 1);
}
