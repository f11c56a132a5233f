// "Find in the text": type a word, press Enter, and it is selected in the
// document, ready for a label's key. The server finds it (spelling folded
// as the document list's search folds it: احمد finds أحمد); Enter goes to
// the next place, Shift+Enter to the one before, "/" comes back to the box.

import { request } from './api.js';
import { t } from './i18n.js';
import { isolate } from './words.js';
import { keyName } from './keyname.js';
import { selectOffsets, selectionOffsets } from './offsets.js';
import { revealRange } from './reveal.js';

/**
 * createFind wires the find form to the document ctx.docEl shows. It
 * returns key(e), which consumes "/" (focus the box), as the other tools'
 * key handlers do.
 */
export function createFind(ctx) {
  const form = document.getElementById('find');
  const input = document.getElementById('find-q');
  const count = document.getElementById('find-count');
  let found = null; // {query, matches, more} of the last find
  let at = -1; // the match selected last
  let shown = null; // the match "1 of 5: …" speaks of, while it is the selection

  // The find bar scrolls away with the page (under the sticky label bar,
  // or off the top of a short screen such as a laptop's at 200% zoom)
  // when a match far down is brought into view, and "1 of 5: …" with it:
  // while the bar is out of sight the message floats at the foot of the
  // screen, above what is pinned there (an open editor's sheet, a failed
  // save), until it goes or the bar comes back.
  function float() {
    if (count.textContent === '' && !count.classList.contains('floating')) return;
    const labelBar = document.getElementById('annotate-bar');
    const top = labelBar && getComputedStyle(labelBar).position === 'sticky' ? labelBar.getBoundingClientRect().bottom : 0;
    const bar = form.getBoundingClientRect();
    const away = bar.bottom <= top || bar.top >= window.innerHeight;
    count.classList.toggle('floating', away && count.textContent !== '');
    if (!count.classList.contains('floating')) return;
    let bottom = 8;
    for (const id of ['span-editor', 'save-error']) {
      const pinned = document.getElementById(id);
      if (pinned && !pinned.hidden && getComputedStyle(pinned).position === 'fixed') {
        bottom = Math.max(bottom, window.innerHeight - pinned.getBoundingClientRect().top + 8);
      }
    }
    count.style.bottom = `${bottom}px`;
  }
  function say(text) {
    count.textContent = text;
    float();
  }
  window.addEventListener('scroll', float, { passive: true });
  window.addEventListener('resize', float);

  async function matchesOf(query) {
    if (found && found.query === query) return found;
    const res = await request('GET', `/api/v1/documents/${ctx.docId}/find?q=${encodeURIComponent(query)}`);
    found = { query, matches: res.matches, more: res.more };
    at = -1;
    return found;
  }

  // step selects the match after (or before) the place the annotator is
  // at: the match selected last, else the selection in the text.
  async function step(backwards) {
    const query = input.value.trim();
    if (query === '') {
      say(t('Type what to find.'));
      return;
    }
    const { matches, more } = await matchesOf(query);
    if (matches.length === 0) {
      say(t('No “{0}” in the text.', query));
      return;
    }
    if (at < 0) {
      const sel = selectionOffsets(ctx.docEl);
      const from = sel ? sel.start : -1;
      const after = matches.findIndex((m) => m.start > from);
      at = backwards ? (after <= 0 ? matches.length : after) : (after < 0 ? 0 : after) - 1;
    }
    at = (at + (backwards ? matches.length - 1 : 1)) % matches.length;
    const m = matches[at];
    shown = m;
    if (!selectOffsets(ctx.docEl, m.start, m.end)) throw new Error(t('the text at {0}–{1} is not on the page', m.start, m.end));
    ctx.docEl.focus({ preventScroll: true });
    await revealRange(window.getSelection().getRangeAt(0));
    const total = more ? `${matches.length}+` : String(matches.length);
    say(t('{0} of {1}: “{2}”. Press a label\'s key to label it, / to find again.', at + 1, total, m.text));
  }

  const go = (backwards) => step(backwards).catch((err) => ctx.showError(t('Could not find “{0}”: {1}', input.value.trim(), isolate(err.message))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    go(false);
  });
  document.getElementById('find-prev').addEventListener('click', () => go(true));
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.shiftKey) {
      e.preventDefault();
      go(true);
    } else if (e.key === 'Escape') {
      say('');
      ctx.docEl.focus();
    }
  });
  input.addEventListener('input', () => { say(''); });

  // "1 of 5: … Press a label's key" speaks of the match while it is the
  // selection: once the selection moves (a label's key made the span and
  // let it go, a click, another selection) it goes, not to be read as
  // being about whatever is selected next. The place is kept: / then
  // Enter goes on from it.
  document.addEventListener('selectionchange', () => {
    if (!shown) return;
    const sel = selectionOffsets(ctx.docEl);
    if (sel && sel.start === shown.start && sel.end === shown.end) return;
    shown = null;
    say('');
  });

  return {
    /**
     * "/" focuses the find box. True when consumed. The focus moves when
     * the key comes up, so the "/" itself is never typed into the box.
     */
    key(e) {
      if (keyName(e) !== '/') return false;
      document.addEventListener('keyup', () => {
        input.focus();
        input.select();
      }, { once: true });
      return true;
    },
  };
}
