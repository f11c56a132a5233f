// A manager's corpus upload on the project page: the file goes to the
// import API as the request body, with a progress bar while it uploads;
// the answer (counts, or every bad line) is shown, never swallowed. While
// a file is on its way the form is busy and a second Import does nothing:
// sent again, the file would be refused as already imported, and that
// refusal would hide the first answer.

import { grouped, groupLines, listLines } from './badlines.js';
import { notRenewed, renewToken } from './csrf.js';
import { t, tn } from './i18n.js';

const form = document.getElementById('import-form');
if (form) init(form);

function init(f) {
  const el = (id) => document.getElementById(id);
  const progress = el('import-progress');
  const status = el('import-status');
  const errors = el('import-errors');
  const input = el('import-file');
  const button = f.querySelector('button[type="submit"]');
  const format = el('import-format');
  const offsets = el('import-offsets');
  // The offsets choice, its label and its hint show only while the file
  // chosen is read in a format with offsets to count; without script
  // they always show, and the server refuses UTF-16 for the rest.
  const offsetsParts = [offsets, f.querySelector('label[for="import-offsets"]'), el('import-offsets-hint')];
  // Where the file's labels go shows only for a format that carries
  // labels: plain text has none to send anywhere.
  const labels = el('import-labels');
  const layer = el('import-layer');
  let sending = false;

  function showOffsets() {
    const file = input.files[0];
    const name = file ? file.name : '';
    const shown = readsOffsets(format.value, name);
    for (const part of offsetsParts) part.hidden = !shown;
    offsets.disabled = !shown;
    labels.hidden = !carriesLabels(format.value, name);
    labels.disabled = labels.hidden;
  }
  // Choosing a member chooses their layer.
  layer.addEventListener('change', () => {
    el('import-labels-member').checked = true;
  });
  format.addEventListener('change', showOffsets);
  input.addEventListener('change', showOffsets);
  showOffsets();

  function busy(on) {
    sending = on;
    button.disabled = on;
    if (on) f.setAttribute('aria-busy', 'true');
    else f.removeAttribute('aria-busy');
  }

  // send uploads file; renewed says the page's CSRF token was just
  // renewed for it, after a refusal of the one the page held (csrf.js).
  function send(file, renewed = false) {
    const q = new URLSearchParams({ format: format.value, name: file.name });
    if (el('import-add-labels').checked) q.set('add_labels', '1');
    if (!offsets.disabled && offsets.value !== 'codepoint') q.set('offsets', offsets.value);
    const into = labels.disabled ? null : f.querySelector('input[name="labels"]:checked');
    if (into && into.value === 'none') q.set('texts_only', '1');
    if (into && into.value === 'member') q.set('layer', layer.value);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/projects/${f.dataset.project}/documents?${q}`);
    const meta = document.querySelector('meta[name="csrf-token"]');
    xhr.setRequestHeader('X-CSRF-Token', meta ? meta.content : '');
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    // So a refusal names this form's controls, not the API's parameters.
    xhr.setRequestHeader('Hashiya-Import-Form', '1');
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) progress.value = Math.round((100 * e.loaded) / e.total);
    });
    // Once the file is up the server reads every line before storing any:
    // the bar turns indeterminate and says so, rather than sit at 100%.
    xhr.upload.addEventListener('load', () => {
      progress.removeAttribute('value');
      status.textContent = t('Checking {0}: every line is read before anything is stored…', file.name);
    });
    xhr.addEventListener('load', () => {
      if (renewed || xhr.getResponseHeader('Hashiya-Refused') !== 'csrf') {
        done(xhr);
        return;
      }
      // Refused for a stale token, nothing stored: sent once more with
      // the current one, checked as ever.
      renewToken().then(() => send(file, true), (err) => fail(`${notRenewed(xhr, err).message}: ${t('reload the page')}`));
    });
    xhr.addEventListener('error', () => fail(t('the server could not be reached')));
    xhr.addEventListener('abort', () => fail(t('the upload was stopped')));
    xhr.addEventListener('loadend', () => busy(false));
    progress.hidden = false;
    progress.value = 0;
    status.textContent = t('Uploading {0}…', file.name);
    errors.hidden = true;
    busy(true);
    xhr.send(file);
  }

  function done(xhr) {
    progress.hidden = true;
    let data = {};
    try {
      data = JSON.parse(xhr.responseText);
    } catch (_) {
      // Not JSON: the status line below says what happened.
    }
    if (xhr.status !== 201) {
      fail(data.error || `${xhr.status} ${xhr.statusText}`);
      return;
    }
    // Imported: pressing Import again asks for a file rather than send it twice.
    input.value = '';
    // Which labels came, and those no relation rule joins, in the server's words.
    const added = data.labels_note ? ` ${data.labels_note}.` : '';
    // The list above was drawn before the import: a link draws it again,
    // the new documents at its end (import order).
    const show = document.createElement('a');
    show.href = `/projects/${f.dataset.project}?done=imported&n=${data.documents}#documents-title`;
    show.textContent = t('Show the document list again');
    // The server words the summary, as the command line and the API give
    // it, in the page's language for this form.
    status.replaceChildren(`${data.summary}.${added} `, show);
    if (data.warnings && data.warnings.length) showLines(t('Warnings (imported anyway):'), data.warnings);
  }

  function fail(message) {
    progress.hidden = true;
    status.textContent = t('Nothing was imported.');
    const lines = message.split('\n');
    showLines(lines.length > 1 ? tn(lines.length, 'The import was refused, {1} bad line:', 'The import was refused, {1} bad lines:', grouped(lines.length)) : t('The import was refused:'), lines);
  }

  function showLines(title, lines) {
    const list = document.createElement('ul');
    list.append(...listLines(groupLines(lines)));
    const head = document.createElement('p');
    head.textContent = title;
    errors.replaceChildren(head, list);
    errors.hidden = false;
  }

  f.addEventListener('submit', (e) => {
    e.preventDefault();
    if (sending) return;
    const file = input.files[0];
    if (!file) {
      status.textContent = t('Choose a file to import.');
      input.focus();
      return;
    }
    send(file);
  });
}

// carriesLabels says whether a file of this name, imported in this
// format, can hold labels: every format but plain text.
function carriesLabels(format, name) {
  if (format === 'auto') return !/\.txt$/i.test(name);
  return format !== 'text' && format !== 'text-lines';
}

// readsOffsets says whether a file of this name, imported in this format,
// has offsets counted one way or another: JSON lines (native and doccano)
// do; text and CoNLL have none, and a Label Studio export's are matched to
// each region's text. "auto" decides by the extension, as the server does.
function readsOffsets(format, name) {
  if (format === 'auto') {
    const ext = (name.match(/\.[^./]*$/) || [''])[0].toLowerCase();
    format = { '.txt': 'text', '.conll': 'conll', '.json': 'label-studio' }[ext] || 'jsonl';
  }
  return format === 'jsonl' || format === 'doccano' || format === 'doccano-rel';
}
