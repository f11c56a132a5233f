// Rows that read alike (the same name proposed in five places, three
// candidates each named "ORG جهاز مكافحة الإرهاب") are told apart by
// their place among those alike, in text order: "place 2 of 5".

import { t } from './i18n.js';

/**
 * placesOf numbers the items whose nameOf reads alike, in the order of
 * startOf (their place in the text). It returns a Map from each such item
 * to "place i of n"; an item whose name is its own is not in it.
 */
export function placesOf(items, nameOf, startOf) {
  const byName = new Map();
  for (const item of items) {
    const n = nameOf(item);
    byName.set(n, [...(byName.get(n) || []), item]);
  }
  const out = new Map();
  for (const same of byName.values()) {
    if (same.length < 2) continue;
    same.sort((a, b) => startOf(a) - startOf(b));
    same.forEach((item, i) => out.set(item, t('place {0} of {1}', i + 1, same.length)));
  }
  return out;
}
