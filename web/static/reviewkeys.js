// The review's keys: j and k move between the spans of the review table
// (past a page's last or first row, to the next or previous page), a
// accepts the span into gold, r rejects it (or takes the rejection
// back) and x removes it from gold (after the question), so a reviewer
// works through a document without the mouse. A key that cannot act
// says why in the status, rather than nothing.

import { t } from './i18n.js';
import { keyName } from './keyname.js';

const whyNot = {
  accept: () => t('Gold holds this span already: x removes it.'),
  reject: () => t('Gold holds this span: x removes it from gold first.'),
  remove: () => t('Gold does not hold this span: a accepts it, r rejects it.'),
};

// reviewKeys listens for the keys on the page: rows lists the table's
// rows, current is the row in focus (null before one is chosen),
// focusRow moves the focus to a row and status is where a key says why
// it did nothing.
export function reviewKeys({ rows, current, focusRow, status }) {
  // press clicks the current row's button for an action, when it has one
  // that works.
  function press(action) {
    const row = current();
    if (!row) {
      status.textContent = t('Choose a span first: j goes to the first one.');
      return;
    }
    if (row.getAttribute('aria-busy')) {
      status.textContent = t('Saving the last decision on this span…');
      return;
    }
    const form = row.querySelector(`form[action$="/review/${action}"]`);
    const button = form && form.querySelector('button');
    if (button && !button.disabled) {
      status.textContent = '';
      button.click();
    } else if (button) {
      status.textContent = t('Gold is marked reviewed and read only; a manager can reopen it.');
    } else {
      status.textContent = whyNot[action]();
    }
  }

  // turnPage follows the pager's link past the last (or first) row of a
  // page; it lands on the row next in line there. False without one.
  function turnPage(id) {
    const link = document.getElementById(id);
    if (!link) return false;
    status.textContent = link.rel === 'next' ? t('Opening the next page of spans…') : t('Opening the previous page of spans…');
    link.click();
    return true;
  }

  document.addEventListener('keydown', (e) => {
    if (e.target.closest('input, textarea, select, [contenteditable]') || e.ctrlKey || e.metaKey || e.altKey) return;
    const all = rows();
    const at = all.indexOf(current());
    switch (keyName(e)) {
      case 'j':
        if (at >= 0 && at === all.length - 1 && turnPage('review-next')) break;
        focusRow(all[at < 0 ? 0 : Math.min(at + 1, all.length - 1)]);
        break;
      case 'k':
        if (at === 0 && turnPage('review-prev')) break;
        focusRow(all[at < 0 ? all.length - 1 : Math.max(at - 1, 0)]);
        break;
      case 'a':
        press('accept');
        break;
      case 'x':
        press('remove');
        break;
      case 'r': {
        const row = current();
        press(row && row.querySelector('form[action$="/review/unreject"]') ? 'unreject' : 'reject');
        break;
      }
      default:
        return;
    }
    e.preventDefault();
  });
}
