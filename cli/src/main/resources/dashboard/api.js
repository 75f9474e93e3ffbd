// The dashboard server's API: it passes these requests on to the plans API (signed, or to local mode).

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && (problem.detail || problem.title) ? (problem.detail || problem.title) : `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

async function readJson(response) {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text.slice(0, 300) };
  }
}

/** The server's time (simulated in local mode), else this machine's. */
function serverTime(response) {
  const clock = response.headers.get('Flightplan-Clock');
  const parsed = clock ? Date.parse(clock) : NaN;
  return Number.isNaN(parsed) ? Date.now() : parsed;
}

export async function getJson(path) {
  const response = await fetch('api' + path, { headers: { Accept: 'application/json' } });
  const body = await readJson(response);
  if (!response.ok) throw new ApiError(response.status, body);
  return { body, now: serverTime(response) };
}

export async function act(id, action, reason) {
  const response = await fetch(`api/rollouts/${encodeURIComponent(id)}/${action}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(reason ? { reason } : {}),
  });
  const body = await readJson(response);
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

export async function config() {
  const response = await fetch('config.json');
  return response.ok ? response.json() : { readOnly: true, endpoint: null };
}

export function rolloutPath(id) {
  return '/rollouts/' + encodeURIComponent(id);
}
