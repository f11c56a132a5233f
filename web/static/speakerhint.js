// Pointing at a quotation in the text underlines its speaker (and the
// entity a pronoun or unnamed source refers to) wherever it stands, so a
// person sees who said it without opening it. Only a pointer hints: the
// runs take no focus, and a keyboard user opens the quotation, whose
// links quotes.js underlines the same way, or hears the speaker in the
// run's description (chips.js).

/**
 * watchSpeakerHints hints, in docEl, the speakers speakers (speakers.js)
 * names for the quotation under the pointer.
 */
export function watchSpeakerHints(docEl, speakers) {
  let over = null; // the run under the pointer
  let hinted = [];
  const clear = () => {
    for (const run of hinted) run.classList.remove('speaker-hint');
    hinted = [];
  };
  docEl.addEventListener('pointerover', (e) => {
    const run = e.target.closest('.seg');
    if (run === over) return;
    over = run;
    clear();
    const ids = run ? speakers.speakersOf(run.dataset.spans.split(' ')) : [];
    // The speaker's runs are looked up by id, not found by reading every
    // run of the text.
    hinted = ids.flatMap((id) => [...docEl.querySelectorAll(`.seg[data-spans~="${id}"]`)]);
    for (const r of hinted) r.classList.add('speaker-hint');
  });
  docEl.addEventListener('pointerleave', () => {
    over = null;
    clear();
  });
}
