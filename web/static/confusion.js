// The Agreement page's table of labels confused shows the pair chosen
// in its select at once: the script reads the page of that pair and puts
// its table, hint and most confused labels in place of the shown ones,
// the select keeping the focus and the address naming the pair, so it
// can still be shared. Without the script, Show sends the form.

import { t } from './i18n.js';
import { sendRetrying } from './retry.js';

const form = document.getElementById('confusion-form');
if (form) init(form);

function init(form) {
  const select = form.elements.pair;
  const status = document.getElementById('confusion-status');
  form.querySelector('button[type="submit"]').hidden = true;
  // Choices made quickly (arrowing through the select) are each read;
  // only the last one's answer is shown.
  let latest = 0;
  select.addEventListener('change', () => {
    const mine = ++latest;
    show(form, select, status, () => mine === latest).catch((err) => {
      if (mine === latest) status.textContent = t('Could not show the table: {0}.', err.message);
    });
  });
}

// show reads the page of the pair chosen and takes its table.
async function show(form, select, status, current) {
  const url = new URL(form.action, location.href);
  url.hash = '';
  if (select.value) url.searchParams.set('pair', select.value);
  else url.searchParams.delete('pair');
  const name = select.selectedOptions[0].textContent;
  status.textContent = t('Loading the table of {0}…', name);
  let res;
  try {
    res = await sendRetrying('GET', () => fetch(url, { credentials: 'same-origin' }));
  } catch (err) {
    throw new Error(t('the server could not be reached ({0})', err.message));
  }
  if (!current()) return;
  const text = await res.text();
  if (!current()) return;
  if (!res.ok) throw new Error(t('the server answered {0} {1}', res.status, res.statusText).trim());
  const fresh = new DOMParser().parseFromString(text, 'text/html').getElementById('confusion');
  if (!fresh) {
    // Not the Agreement page (the login page, once a session has
    // ended): show it.
    location.assign(res.url);
    return;
  }
  const section = form.closest('section');
  const kept = new Set([form.id, status.id]);
  for (const old of [...section.children]) {
    if (!kept.has(old.id)) old.remove();
  }
  for (const part of [...fresh.children]) {
    if (kept.has(part.id)) continue;
    section.append(document.adoptNode(part));
  }
  // The heading and hint come before the form, the rest after it.
  const heading = section.querySelector('h2');
  const hint = section.querySelector('#confusion-hint');
  section.prepend(heading, hint);
  history.replaceState(null, '', `${url.pathname}${url.search}#confusion`);
  status.textContent = t('Showing the table of {0}.', name);
}
