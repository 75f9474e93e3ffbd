// One Chart.js chart per gate metric: candidate and baseline series with each gate's threshold line.
import { el, metricValue } from './format.js';

const COLORS = { candidate: '#c2410c', baseline: '#1d4ed8', threshold: '#6b7280' };

/**
 * Draws (or updates in place) the charts of GET /rollouts/{id}/metrics.
 * @param charts the charts drawn so far, by metric name
 */
export function renderCharts(container, body, plan, charts) {
  const metrics = (body && body.metrics) || [];
  if (!metrics.length) {
    container.replaceChildren(el('p', { class: 'note' }, 'No gate metrics to chart.'));
    charts.forEach((chart) => chart.destroy());
    charts.clear();
    return;
  }
  if (container.querySelector('.note')) container.replaceChildren();
  const range = [Date.parse(body.from), Date.parse(body.to)];
  for (const metric of metrics) {
    const unit = metric.unit || (metric.kind === 'ratio' ? 'ratio' : null);
    const datasets = datasetsOf(metric, unit, range);
    let chart = charts.get(metric.name);
    if (chart) {
      chart.data.datasets = datasets;
    } else {
      chart = draw(container, metric, unit, datasets);
      charts.set(metric.name, chart);
    }
    // The x axis spans the range asked for: from the start of the rollout to now.
    chart.options.scales.x.min = Number.isNaN(range[0]) ? undefined : range[0];
    chart.options.scales.x.max = Number.isNaN(range[1]) ? undefined : range[1];
    chart.update('none');
    describe(container, metric, unit);
  }
}

function draw(container, metric, unit, datasets) {
  const canvas = el('canvas', {
    role: 'img',
    'aria-label': `${metric.name}: candidate and baseline over time, with the gate thresholds`,
  });
  container.append(el('figure', { class: 'chart', 'data-metric': metric.name },
    el('figcaption', {}, `${metric.name}${unit ? ' (' + unit + ')' : ''}`),
    el('div', { class: 'chart-box' }, canvas),
    el('p', { class: 'chart-summary' })));
  return new window.Chart(canvas, {
    type: 'line',
    data: { datasets },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      parsing: false,
      interaction: { mode: 'nearest', intersect: false },
      scales: {
        x: { type: 'linear', ticks: { maxTicksLimit: 6, callback: (v) => clock(v) } },
        y: { ticks: { callback: (v) => metricValue(v, unit) } },
      },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          callbacks: {
            title: (items) => (items.length ? clock(items[0].parsed.x) : ''),
            label: (item) => `${item.dataset.label}: ${metricValue(item.parsed.y, unit)}`,
          },
        },
      },
    },
  });
}

function datasetsOf(metric, unit, range) {
  const series = metric.series || {};
  const points = (list) => (list || []).map((p) => ({ x: Date.parse(p.t), y: p.v }));
  const candidate = points(series.candidate);
  const baseline = points(series.baseline);
  const sets = [
    line('candidate', candidate, COLORS.candidate),
    line('baseline', baseline, COLORS.baseline),
  ];
  for (const threshold of metric.thresholds || []) {
    const data = thresholdLine(threshold, baseline, candidate, range);
    if (data.length) {
      const limit = typeof threshold.value === 'number' ? metricValue(threshold.value, unit) : threshold.relative;
      const set = line(`${threshold.gate} ${threshold.op} ${limit} (${threshold.action})`, data, COLORS.threshold);
      set.borderDash = [6, 4];
      set.pointRadius = 0;
      sets.push(set);
    }
  }
  return sets;
}

/** An absolute threshold is flat; a relative one follows the baseline ("2x", "+0.5pp"). */
function thresholdLine(threshold, baseline, candidate, range) {
  if (typeof threshold.value === 'number') {
    const xs = [...baseline, ...candidate].map((p) => p.x).concat(range.filter((x) => !Number.isNaN(x)));
    if (!xs.length) return [];
    return [{ x: Math.min(...xs), y: threshold.value }, { x: Math.max(...xs), y: threshold.value }];
  }
  const relative = String(threshold.relative || '');
  const times = relative.match(/^([0-9.]+)x$/);
  const points = relative.match(/^\+([0-9.]+)pp$/);
  if (times) return baseline.map((p) => ({ x: p.x, y: p.y * Number(times[1]) }));
  if (points) return baseline.map((p) => ({ x: p.x, y: p.y + Number(points[1]) / 100 }));
  return [];
}

function line(label, data, color) {
  return { label, data, borderColor: color, backgroundColor: color, pointRadius: 1.5, borderWidth: 2, spanGaps: false };
}

/** The latest values, in words, for those who cannot see the chart. */
function describe(container, metric, unit) {
  const figure = container.querySelector(`figure[data-metric="${CSS.escape(metric.name)}"]`);
  const last = (list) => (list && list.length ? metricValue(list[list.length - 1].v, unit) : '—');
  const series = metric.series || {};
  figure.querySelector('.chart-summary').textContent =
    `Latest: candidate ${last(series.candidate)}, baseline ${last(series.baseline)}; ` +
    `${(series.candidate || []).length} and ${(series.baseline || []).length} points.`;
}

function clock(ms) {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(11, 16);
}
