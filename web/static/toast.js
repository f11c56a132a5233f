// The save status as a toast. Where the label bar does not stay at the
// top of the screen (a laptop at 200% zoom) it scrolls away with the
// page, and "Saved" with it: while the status's place is off the screen,
// what it says shows for a moment at the foot of the screen instead,
// through which the text can still be clicked. "Saving…" stays until the
// answer comes; a failure is the pinned message's, which stays until
// dismissed or the next save succeeds.

import { t } from './i18n.js';

/**
 * createToast floats status (the bar's save status) while its place is
 * off the screen. pinned are what may be pinned over the foot of the
 * screen (the span editor's sheet, a failed save's message): the toast
 * stands above them, and moves as they open, close or change height
 * while it shows, so it never covers their controls.
 */
export function createToast(status, pinned) {
  let timer = 0;

  function place() {
    let bottom = 8;
    for (const el of pinned) {
      if (el.hidden || getComputedStyle(el).position !== 'fixed') continue;
      bottom = Math.max(bottom, window.innerHeight - el.getBoundingClientRect().top + 8);
    }
    status.style.bottom = `${bottom}px`;
  }

  // A sheet opening under a toast already shown (a highlight clicked
  // while "Saved" is up) resizes from nothing: the toast moves above it.
  const follow = new ResizeObserver(() => {
    if (status.classList.contains('floating')) place();
  });
  for (const el of pinned) follow.observe(el);
  window.addEventListener('resize', () => {
    if (status.classList.contains('floating')) place();
  });

  /**
   * float, called just before status is given text, floats it at once
   * if its place is off the screen. Given the text first, a long message
   * (what S asks) would make the bar taller for a moment, the browser
   * would scroll to keep the text still, and the text would be left moved
   * when the status floated, the speaker to click scrolled away.
   */
  function float(text) {
    const box = status.parentElement.getBoundingClientRect();
    const away = box.top < 0 || box.bottom > window.innerHeight;
    status.classList.toggle('floating', text !== '' && away);
  }

  /** show floats what the status says now, if its place is off the screen. */
  function show() {
    clearTimeout(timer);
    const text = status.textContent;
    const box = status.parentElement.getBoundingClientRect();
    const away = box.top < 0 || box.bottom > window.innerHeight;
    status.classList.toggle('floating', text !== '' && away);
    if (!status.classList.contains('floating')) return;
    place();
    if (text === t('Saving…')) return;
    const ms = Math.min(10000, 3000 + 40 * [...text].length); // time to read it
    timer = setTimeout(() => status.classList.remove('floating'), ms);
  }

  return { float, show };
}
