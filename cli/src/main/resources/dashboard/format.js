// Small helpers to build the page from API data: text only (never HTML), and "—" for what is unknown.

export const DASH = '—';

/** An element with attributes and children (strings become text nodes). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export function text(value) {
  return value === null || value === undefined || value === '' ? DASH : String(value);
}

/** 2026-11-29 10:00 UTC */
export function time(iso) {
  if (!iso) return DASH;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return DASH;
  return date.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

/** "3h 12m", "2d 4h", "45s" */
export function span(ms) {
  const seconds = Math.round(Math.abs(ms) / 1000);
  const d = Math.floor(seconds / 86400), h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
  if (d) return `${d}d ${h}h`;
  if (h) return `${h}h ${m}m`;
  if (m) return `${m}m`;
  return `${s}s`;
}

/** "in 3h 12m" or "5m ago", against the server's clock. */
export function relative(iso, now) {
  if (!iso) return '';
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  return at >= now ? `in ${span(at - now)}` : `${span(now - at)} ago`;
}

/** A time and how far it is: "2026-11-29 14:00 UTC (in 3h 12m)". */
export function when(iso, now) {
  if (!iso) return DASH;
  return `${time(iso)} (${relative(iso, now)})`;
}

export function percent(value) {
  return value === null || value === undefined ? DASH : `${value}%`;
}

/** A metric value in its own scale, shown as its unit says (ratios as percent). */
export function metricValue(value, unit) {
  if (value === null || value === undefined || Number.isNaN(value)) return DASH;
  if (unit === 'percent' || unit === 'ratio') return `${(value * 100).toPrecision(3)}%`;
  if (unit === 'milliseconds') return `${value.toPrecision(4)} ms`;
  return Number.isInteger(value) ? String(value) : value.toPrecision(4);
}

export function statusBadge(status) {
  const kind = String(status || 'UNKNOWN').toLowerCase().replace(/_/g, '-');
  return el('span', { class: `badge badge-${kind}` }, text(status));
}

export const TERMINAL = ['COMPLETED', 'ROLLED_BACK', 'ABORTED'];
