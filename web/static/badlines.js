// The lines an import reports, grouped by what they say: a file from
// another tool is often refused on every line for one reason (a label the
// project lacks), and thousands of lines saying it would bury the reason
// and any other. Each reason is said once, with how many lines of which
// file it is about and every line's number, the many beyond the first
// few behind a disclosure. A line the reason of no other line shares
// stays as the server wrote it, "FILE:LINE: reason". The server's words
// stay English whatever the page's language: each line runs in its own
// direction, and an Arabic page's words around a reason keep it apart.

import { t, tn } from './i18n.js';

// How many line numbers a reason shows before the rest fold away.
const shown = 10;

// groupLines reads "FILE:LINE: reason" lines into their reasons, in the
// order each first appears; a line of another shape is a reason of its
// own, with no line numbers.
export function groupLines(lines) {
  const groups = new Map();
  for (const [i, line] of lines.entries()) {
    const m = /^(.*?):(\d+): (.*)$/s.exec(line);
    if (!m) {
      groups.set(i, { line });
      continue;
    }
    const [, file, number, reason] = m;
    const key = `${file}\n${reason}`;
    if (!groups.has(key)) groups.set(key, { file, reason, numbers: [], line });
    groups.get(key).numbers.push(number);
  }
  return [...groups.values()];
}

// listLines draws the groups as list items.
export function listLines(groups) {
  return groups.map((g) => {
    const li = document.createElement('li');
    li.dir = 'auto';
    if (!g.numbers || g.numbers.length === 1) {
      li.textContent = g.line;
      return li;
    }
    const head = document.createElement('p');
    head.textContent = tn(g.numbers.length, '{1}, {2} line: {3}', '{1}, {2} lines: {3}', g.file, grouped(g.numbers.length), g.reason);
    const numbers = document.createElement('p');
    numbers.textContent = t('Lines {0}', g.numbers.slice(0, shown).join(', '));
    li.append(head, numbers);
    if (g.numbers.length > shown) {
      numbers.append('…');
      const more = document.createElement('details');
      const summary = document.createElement('summary');
      summary.textContent = tn(g.numbers.length, 'All {1} line number', 'All {1} line numbers', grouped(g.numbers.length));
      const all = document.createElement('p');
      all.textContent = g.numbers.join(', ');
      more.append(summary, all);
      li.append(more);
    }
    return li;
  });
}

// grouped is a count with thousands marked, "4,724", in Western digits
// whatever the page's language: counts are compared with files and
// scripts.
export function grouped(n) {
  return n.toLocaleString('en-US');
}
