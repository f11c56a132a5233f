// The list of keys. `?` opens it, and it shows near the top of the
// screen, over the page, where it is read, not below a long text (the
// summary at the foot of the page opens it there too). Escape, `?` again
// or its Close button closes it, the focus back on the text; a key that
// acts on the text (] to walk to the next span, a label's key) closes it
// first, so what the key does is not hidden under it, nor the focus left
// in it; the focus moved elsewhere (a click, Tab past its end) closes it
// too, the focus left there.

import { keyName } from './keyname.js';

/**
 * createKeyHelp wires the <details> holding the list of keys; docEl is
 * the text, where the focus goes back. key(e) answers a key pressed
 * anywhere on the page: true when it consumed it.
 */
export function createKeyHelp(docEl) {
  const help = document.getElementById('keyhelp');
  if (!help) return { key: () => false };
  const summary = help.querySelector('summary');

  // close shuts the list; back takes the focus to the text, where the
  // work is, when it was in the list (or nowhere) as it closed.
  function close(back) {
    const inside = help.contains(document.activeElement) || document.activeElement === document.body;
    help.open = false;
    if (back && inside) docEl.focus({ preventScroll: true });
  }

  document.getElementById('keyhelp-close').addEventListener('click', () => close(true));
  help.addEventListener('focusout', (e) => {
    if (help.open && e.relatedTarget && !help.contains(e.relatedTarget)) close(false);
  });
  // Closed with its summary (a click, Enter on it), the focus would stay
  // on the summary, gone back to the foot of the page: to the text too.
  help.addEventListener('toggle', () => {
    if (!help.open && document.activeElement === summary) docEl.focus({ preventScroll: true });
  });

  return {
    key(e) {
      const key = keyName(e);
      if (key === '?') {
        if (help.open) {
          close(true);
        } else {
          help.open = true;
          summary.focus({ preventScroll: true });
        }
        return true;
      }
      if (!help.open) return false;
      if (key === 'Escape') {
        close(true);
        return true;
      }
      // Tab, Enter, Space, arrows and a modifier on its own stay the
      // list's; a key that acts on the text (a character, Delete, a
      // shortcut) closes it first.
      const own = (key.length > 1 && key !== 'Delete' && key !== 'Backspace') || key === ' ';
      if (!own || e.ctrlKey || e.metaKey) close(true);
      return false;
    },
  };
}
