// Pointing at a quotation in the text, or moving the keyboard's caret
// into it, underlines its speaker (and the entity a pronoun or unnamed
// source refers to) wherever it stands, so a person sees who said it
// without opening it. A screen reader hears the speaker in the run's
// description (chips.js).

/**
 * watchSpeakerHints hints, in docEl, the speakers speakers (speakers.js)
 * names for the quotation under the pointer and the one holding the
 * caret.
 */
export function watchSpeakerHints(docEl, speakers) {
  const at = { pointer: null, caret: null }; // the run each is in
  let hinted = [];

  function hint() {
    for (const run of hinted) run.classList.remove('speaker-hint');
    const runs = [at.pointer, at.caret].filter((run) => run && run.isConnected);
    const ids = runs.flatMap((run) => speakers.speakersOf(run.dataset.spans.split(' ')));
    // The speaker's runs are looked up by id, not found by reading every
    // run of the text.
    hinted = [...new Set(ids)].flatMap((id) => [...docEl.querySelectorAll(`.seg[data-spans~="${id}"]`)]);
    for (const run of hinted) run.classList.add('speaker-hint');
  }

  function move(what, run) {
    if (at[what] === run) return;
    at[what] = run;
    hint();
  }

  docEl.addEventListener('pointerover', (e) => move('pointer', e.target.closest('.seg')));
  docEl.addEventListener('pointerleave', () => move('pointer', null));
  document.addEventListener('selectionchange', () => {
    const sel = getSelection();
    const node = sel.rangeCount ? sel.focusNode : null;
    const inText = node && docEl.contains(node) && document.activeElement === docEl;
    const el = inText && (node.nodeType === Node.TEXT_NODE ? node.parentElement : node);
    move('caret', el ? el.closest('.seg') : null);
  });
  docEl.addEventListener('blur', () => move('caret', null));
}
