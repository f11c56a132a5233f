// Confirmation before destructive form actions: a form with class
// "confirm" asks its data-confirm question and is sent only on "OK".

document.addEventListener('submit', (e) => {
  const form = e.target.closest('form.confirm');
  if (form && !window.confirm(form.dataset.confirm || 'Are you sure?')) e.preventDefault();
});
