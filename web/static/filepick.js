// The app's file inputs are drawn as its own control (filePick in
// importform.templ): a button face and beside it the chosen file's name,
// in the page's language, where Chromium would draw its "Choose File" in
// the browser's. The native input lies over them, transparent, so a
// click, Enter or Space opens the picker as ever. This module writes the
// chosen file's name (without it the page says only that a file is
// chosen), and lets a form marked data-drop-file take a file dropped on
// it, as if chosen.

for (const input of document.querySelectorAll('.filepick > input[type="file"]')) {
  const name = input.parentElement.querySelector('.filepick-some');
  // Which of "No file chosen" and the name shows is app.css's, by the
  // input's validity: emptied by a script (import.js after an import),
  // the input says so with no event to tell this module.
  const show = () => {
    if (input.files.length) name.textContent = [...input.files].map((f) => f.name).join(', ');
  };
  input.addEventListener('change', show);
  show(); // a file the browser kept when the page came back
}

const drops = document.querySelectorAll('form[data-drop-file]');
for (const form of drops) takeDrops(form);
// Elsewhere on such a page a dropped file would have Chromium open it in
// place of the page, the form and what was typed in it gone.
if (drops.length) {
  for (const type of ['dragover', 'drop']) {
    document.addEventListener(type, (e) => {
      if (!carriesFiles(e) || e.defaultPrevented || e.target.type === 'file') return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'none';
    });
  }
}

function carriesFiles(e) {
  return Boolean(e.dataTransfer) && e.dataTransfer.types.includes('Files');
}

// takeDrops makes form a drop target for one file: while a file is
// dragged over it the form shows so (.dropping), and dropped, the file is
// its file input's, announced by a change event as a chosen one is. Of
// several files dropped at once the first is taken, as the input takes one.
function takeDrops(form) {
  const input = form.querySelector('.filepick > input[type="file"]');
  const over = (on) => form.classList.toggle('dropping', on);
  form.addEventListener('dragover', (e) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    over(true);
  });
  form.addEventListener('dragleave', (e) => {
    if (!form.contains(e.relatedTarget)) over(false);
  });
  form.addEventListener('drop', (e) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    over(false);
    const file = e.dataTransfer.files[0];
    if (!file) return;
    const one = new DataTransfer();
    one.items.add(file);
    input.files = one.files;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}
