// The actions on one rollout, each behind a confirmation; none in read-only mode.
import { act } from './api.js';
import { el } from './format.js';
import { confirmAction } from './dialog.js';

const ACTIVE = ['RUNNING', 'PAUSED', 'AWAITING_APPROVAL'];
const ACTIONS = [
  { name: 'pause', label: 'Pause', when: ['RUNNING', 'AWAITING_APPROVAL'],
    text: (id) => `Pause ${id}? Exposure stays where it is until it is resumed.` },
  { name: 'resume', label: 'Resume', when: ['PAUSED'],
    text: (id) => `Resume ${id}? The controller moves it on again when its gates pass.` },
  { name: 'approve', label: 'Approve', when: ['AWAITING_APPROVAL'],
    text: (id) => `Approve the next phase of ${id}?` },
  { name: 'promote', label: 'Promote', when: ACTIVE,
    text: (id) => `Promote ${id} to its next phase now, skipping the rest of the bake?` },
  { name: 'rollback', label: 'Roll back', when: ['DRAFT', ...ACTIVE], danger: true, typeId: true,
    text: (id) => `Roll back ${id}? This takes its exposure away.` },
  { name: 'abort', label: 'Abort', when: ['DRAFT', ...ACTIVE], danger: true, typeId: true,
    text: (id) => `Abort ${id}? This takes its exposure away and ends the rollout.` },
];

export function renderActions(container, rollout, history, config, onChange) {
  if (config.readOnly) {
    if (!container.dataset.key) {
      container.dataset.key = 'read-only';
      container.replaceChildren(el('p', { class: 'read-only', role: 'note' },
        'read-only: this dashboard shows rollouts and takes no actions'));
    }
    return;
  }
  const available = ACTIONS.filter((a) => a.when.includes(rollout.status));
  const key = rollout.status + ':' + available.map((a) => a.name).join(',');
  // Rebuilt only when what is offered changes, so a refresh keeps the keyboard focus.
  container.dataset.context = JSON.stringify({ skips: skippedGates(rollout, history) });
  if (container.dataset.key === key) return;
  container.dataset.key = key;
  const status = el('p', { class: 'action-status', role: 'status', 'aria-live': 'polite' });
  container.replaceChildren(
    el('div', { class: 'buttons', role: 'group', 'aria-label': 'Actions' },
      available.map((action) => el('button', {
        type: 'button',
        class: action.danger ? 'danger' : '',
        'data-action': action.name,
        onclick: () => ask(action, rollout.id, container, status, onChange),
      }, action.label))),
    status);
}

function ask(action, id, container, status, onChange) {
  const skips = action.name === 'promote' ? JSON.parse(container.dataset.context).skips : [];
  confirmAction({
    title: `${action.label} ${id}`,
    text: action.text(id),
    skips: skips.length ? `Promoting skips the gates ${skips.join(', ')}.` : '',
    typeId: action.typeId ? id : null,
    okLabel: action.label,
    danger: action.danger,
  }, async (reason) => {
    const rollout = await act(id, action.name, reason);
    status.textContent = `${action.label}: done; status ${rollout && rollout.status ? rollout.status : 'changed'}.`;
    onChange();
  });
}

/** The gates promote moves past: the one whose pause holds it now, and the require gates. */
function skippedGates(rollout, history) {
  const names = ((rollout.plan && rollout.plan.gates) || [])
    .filter((g) => g.action === 'require').map((g) => g.name);
  if (rollout.status === 'PAUSED') {
    for (let i = history.length - 1; i >= 0; i--) {
      const entry = history[i];
      if (entry.to === 'PAUSED' && entry.from !== 'PAUSED') {
        if (entry.gate && !names.includes(entry.gate)) names.unshift(entry.gate);
        break;
      }
    }
  }
  return names;
}
