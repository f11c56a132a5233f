// Forms that take seconds to answer, on the review and agreement pages.

// busyForms: a form with data-busy (the bulk accept and its undo, which
// take seconds on a long document) turns its button off once sent, the
// question of forms.js answered, and says what is under way in it and
// in the status line, so it is not pressed twice while the page waits.
export function busyForms() {
  window.addEventListener('submit', (e) => {
    const form = e.target;
    if (e.defaultPrevented || !form.matches('form[data-busy]')) return;
    const button = form.querySelector('button[type="submit"]');
    if (!button) return;
    if (!button.dataset.idle) button.dataset.idle = button.textContent;
    button.disabled = true;
    button.textContent = form.dataset.busy;
    form.setAttribute('aria-busy', 'true');
    const status = document.getElementById('review-key-status');
    if (status) status.textContent = form.dataset.busy;
  });
  // A page the browser keeps and shows again on Back is not waiting.
  window.addEventListener('pageshow', (e) => {
    if (!e.persisted) return;
    for (const form of document.querySelectorAll('form[data-busy][aria-busy]')) {
      const button = form.querySelector('button[type="submit"]');
      button.disabled = false;
      button.textContent = button.dataset.idle;
      form.removeAttribute('aria-busy');
    }
  });
}
