// The project's label set as the annotation page shows it: the label
// bar, the span editor's labels, the list of keys, and which key gives
// which label. A manager may change the set (add, remove or rename a
// label, move a key) while the page is open; the page learns of it from
// the layer it fetches after a save, and redraws these from the server's
// view in place, so the undo history and the selection stay.

import { t, tn } from './i18n.js';
import { arabicLetter, keyNames } from './keyname.js';
import { isolate, listWords } from './words.js';

/** createLabelSet starts from the set the page was loaded with (#doc's data-labels). */
export function createLabelSet(docEl) {
  let labels = JSON.parse(docEl.dataset.labels || '[]');
  let keys = keyMap(labels);
  // goneKeys are the keys of labels removed while the page was open, so
  // such a key says what became of its label rather than nothing.
  const goneKeys = new Map();
  return {
    /** The label a key press gives, or undefined, whatever the keyboard layout (keyNames). */
    labelFor(e) {
      return keyOf(keys, e);
    },
    /**
     * The label whose hotkey is the Arabic letter of the key pressed on an
     * Arabic keyboard (arabicLetter), pressed on another layout; the
     * page asks only when its own use of the key, and labelFor, gave nothing.
     */
    labelAt(e) {
      return keys.get(arabicLetter(e));
    },
    /**
     * The removed label a key press gave on this page, when no label has
     * the key now, by its name or its Arabic letter (labelAt).
     */
    goneFor(e) {
      if (keyOf(keys, e) || keys.get(arabicLetter(e))) return undefined;
      return keyOf(goneKeys, e) || goneKeys.get(arabicLetter(e));
    },
    /** True when fresh (a layer answer's labels) is not the set the page shows. */
    changed(fresh) {
      return Array.isArray(fresh) && JSON.stringify(fresh) !== JSON.stringify(labels);
    },
    has(name) {
      return labels.some((l) => l.name === name);
    },
    /**
     * Puts the label parts of a whole view in place (part(name) finds
     * them) and returns what changed, in words.
     */
    redraw(part) {
      const fresh = part('labels');
      if (!fresh) throw new Error(t('the redrawn view has no labels; reload the page'));
      const next = JSON.parse(fresh.dataset.labels);
      const bar = document.getElementById('label-bar');
      const focused = bar && bar.contains(document.activeElement) ? document.activeElement.dataset.label : null;
      if (bar) bar.replaceChildren(...fresh.childNodes);
      document.getElementById('editor-labels').replaceChildren(...part('relabels').childNodes);
      document.getElementById('label-keys').textContent = part('keys').textContent;
      // Focus on a button that was replaced would fall to the page, and
      // the next Tab start from the top: it goes to the same label's new
      // button, or to the text when that label is gone.
      if (focused !== null) {
        const same = [...bar.querySelectorAll('.label-btn')].find((b) => b.dataset.label === focused);
        (same || docEl).focus({ preventScroll: true });
      }
      const change = describeChange(labels, next);
      for (const [key, name] of keyMap(labels)) {
        if (!next.some((l) => l.name === name)) goneKeys.set(key, name);
      }
      for (const [key, name] of goneKeys) {
        if (next.some((l) => l.name === name)) goneKeys.delete(key); // back again
      }
      labels = next;
      keys = keyMap(next);
      return change;
    },
  };
}

/** changedNotice says that the bar was redrawn, and how the set changed. */
export function changedNotice(change) {
  return t('The project\'s labels changed since this page was loaded: the label bar now shows them ({0}).', change);
}

/** goneRefusal says why a save of a label the project no longer has was refused. */
export function goneRefusal(change) {
  return t('The project\'s labels changed since this page was loaded: the label bar now shows them. {0}; nothing was saved.', `${change.charAt(0).toUpperCase()}${change.slice(1)}`);
}

function keyOf(keys, e) {
  const name = keyNames(e).find((n) => keys.has(n));
  return name === undefined ? undefined : keys.get(name);
}

function keyMap(labels) {
  return new Map(labels.filter((l) => l.hotkey).map((l) => [l.hotkey.toLowerCase(), l.name]));
}

// describeChange says what an annotator needs to know of a new label
// set: the labels gone, the new ones with their keys, and the keys that
// now give another label ("TMP is gone; key 1 is now ORG").
export function describeChange(before, after) {
  const was = new Map(before.map((l) => [l.name, l]));
  const now = new Set(after.map((l) => l.name));
  const gone = before.filter((l) => !now.has(l.name)).map((l) => isolate(l.name));
  const added = after.filter((l) => !was.has(l.name))
    .map((l) => (l.hotkey ? t('{0} (key {1})', isolate(l.name), isolate(l.hotkey)) : isolate(l.name)));
  const moved = after.filter((l) => was.has(l.name) && was.get(l.name).hotkey !== l.hotkey)
    .sort((a, b) => a.hotkey.localeCompare(b.hotkey)); // by key, as the annotator looks one up
  const parts = [];
  if (gone.length > 0) parts.push(tn(gone.length, '{1} is gone', '{1} are gone', listWords(gone)));
  if (added.length > 0) parts.push(tn(added.length, '{1} is new', '{1} are new', listWords(added)));
  if (moved.length > 0) {
    parts.push(listWords(moved.map((l) => (l.hotkey ? t('key {0} is now {1}', isolate(l.hotkey), isolate(l.name))
      : t('{0} has no key now', isolate(l.name))))));
  }
  if (parts.length === 0) parts.push(t('their colours, order or descriptions changed'));
  return parts.join(t('; '));
}
