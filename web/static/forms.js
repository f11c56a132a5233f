// Confirmation before destructive form actions: a form with class
// "confirm" asks its data-confirm question, and a submit button with its
// own data-confirm (Unassign beside Assign) asks that one; the form is
// sent only on "OK".

import { t } from './i18n.js';

document.addEventListener('submit', (e) => {
  const button = e.submitter && e.submitter.dataset.confirm ? e.submitter : null;
  const form = e.target.closest('form.confirm');
  const question = button ? button.dataset.confirm : form && (form.dataset.confirm || t('Are you sure?'));
  if (question && !window.confirm(question)) e.preventDefault();
});

// A picker that belongs to a radio button (data-checks: its id), as New
// project's project to copy belongs to "Copy another project's labels",
// chooses that button when it is changed, so the form sends what was picked.
document.addEventListener('change', (e) => {
  const id = e.target instanceof HTMLSelectElement && e.target.dataset.checks;
  const radio = id && document.getElementById(id);
  if (radio && !radio.checked) radio.click();
});
