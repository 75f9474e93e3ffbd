// The dashboard: a rollouts list and one page per rollout, refreshed every few seconds.
import { config as loadConfig } from './api.js';
import { renderList } from './list.js';
import { RolloutPage } from './rollout.js';
import { isOpen } from './dialog.js';
import { el } from './format.js';

const REFRESH_MS = 3000;
const main = document.getElementById('main');
let settings = { readOnly: true };
let page = null;
let timer = null;

async function refresh() {
  if (isOpen()) return; // never change the page under an open dialog
  const focused = document.activeElement && document.activeElement.getAttribute('href');
  try {
    if (page) await page.refresh();
    else await renderList(main);
    document.getElementById('updated').textContent = `updated ${new Date().toLocaleTimeString()}`;
    main.querySelector('.load-error')?.remove();
  } catch (error) {
    let banner = main.querySelector('.load-error');
    if (!banner) {
      banner = el('p', { class: 'load-error error', role: 'alert' });
      main.prepend(banner);
    }
    banner.textContent = `Cannot load: ${error.message || error}`;
  }
  // A refresh that rebuilt a list keeps the keyboard where it was.
  if (focused && document.activeElement === document.body) {
    [...main.querySelectorAll('a[href]')].find((a) => a.getAttribute('href') === focused)?.focus();
  }
}

function route() {
  clearInterval(timer);
  if (page) page.close();
  page = null;
  const match = location.hash.match(/^#\/rollouts\/([^/]+)$/);
  if (match) {
    page = new RolloutPage(main, decodeURIComponent(match[1]), settings, () => refresh());
    document.title = `${page.id} · Flightplan`;
  } else {
    main.replaceChildren(el('p', {}, 'Loading…'));
    document.title = 'Rollouts · Flightplan';
  }
  refresh();
  timer = setInterval(refresh, REFRESH_MS);
}

settings = await loadConfig();
document.getElementById('mode').textContent = settings.readOnly ? 'read-only' : '';
document.body.classList.toggle('read-only-mode', !!settings.readOnly);
window.addEventListener('hashchange', route);
route();
