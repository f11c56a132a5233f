// The export form's figures follow its filters. Each layer's option holds
// in data-holds what an export of it would hold under every status and
// part (rendered by the server, from the one count of the project), keyed
// "status/part"; choosing a status or a part shows, beside each layer,
// the figures of what Download would then write.

const form = document.querySelector('form.export');
if (form) {
  const status = form.querySelector('select[name="status"]');
  const part = form.querySelector('select[name="part"]');
  const layers = form.querySelectorAll('select[name="layer"] option[data-holds]');
  const show = () => {
    const key = `${status.value}/${part.value}`;
    for (const option of layers) {
      const holds = JSON.parse(option.dataset.holds)[key];
      if (holds === undefined) throw new Error(`export form: layer ${option.value} has no figures for ${key}`);
      option.textContent = `${option.dataset.name} — ${holds}`;
    }
  };
  status.addEventListener('change', show);
  part.addEventListener('change', show);
  // A page restored with its choices kept (Back, a reload) shows their figures.
  show();
}
