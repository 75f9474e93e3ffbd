// The confirmation dialog: a modal <dialog> that keeps focus inside and closes on Escape.

const dialog = () => document.getElementById('confirm');
const $ = (id) => document.getElementById(id);

/**
 * Asks before an action. {title, text, skips, typeId, okLabel} say what; onConfirm(reason) does it
 * and may throw, which keeps the dialog open with the error. Cancel and Escape change nothing.
 */
export function confirmAction(options, onConfirm) {
  const box = dialog();
  const opener = document.activeElement;
  $('confirm-title').textContent = options.title;
  $('confirm-text').textContent = options.text;
  $('confirm-skips').hidden = !options.skips;
  $('confirm-skips').textContent = options.skips || '';
  $('confirm-id-label').hidden = !options.typeId;
  $('confirm-id-expected').textContent = options.typeId || '';
  $('confirm-id').value = '';
  $('confirm-reason').value = '';
  $('confirm-error').textContent = '';
  const ok = $('confirm-ok');
  ok.textContent = options.okLabel;
  ok.className = options.danger ? 'danger' : 'primary';
  const matches = () => !options.typeId || $('confirm-id').value.trim() === options.typeId;
  ok.disabled = !matches();
  $('confirm-id').oninput = () => { ok.disabled = !matches(); };
  $('confirm-cancel').onclick = () => box.close('cancel');
  box.onclose = () => { if (opener && opener.focus) opener.focus(); };
  $('confirm-form').onsubmit = async (event) => {
    event.preventDefault();
    if (!matches()) return;
    ok.disabled = true;
    try {
      await onConfirm($('confirm-reason').value.trim());
      box.close('done');
    } catch (error) {
      $('confirm-error').textContent = error.message || String(error);
      ok.disabled = !matches();
    }
  };
  box.showModal();
  (options.typeId ? $('confirm-id') : $('confirm-cancel')).focus();
}

export function isOpen() {
  return dialog().open;
}

// Tab and Shift+Tab cycle within the dialog.
document.addEventListener('keydown', (event) => {
  const box = dialog();
  if (event.key !== 'Tab' || !box || !box.open) return;
  const focusable = [...box.querySelectorAll('input, textarea, button')]
    .filter((e) => !e.disabled && !e.closest('[hidden]'));
  if (!focusable.length) return;
  const first = focusable[0], last = focusable[focusable.length - 1];
  if (event.shiftKey && document.activeElement === first) {
    last.focus();
    event.preventDefault();
  } else if (!event.shiftKey && document.activeElement === last) {
    first.focus();
    event.preventDefault();
  }
});
