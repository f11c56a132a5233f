// A page's explanation (details.page-how, open as the server draws it)
// folds under its summary where it would fill the first screen: a
// window narrower than a phone's 40rem or shorter than 32rem (200% zoom
// on a laptop), so the work starts on that screen. Where the window has
// room the summary is not drawn (app.css) and the explanation stays
// whole, as a laptop shows it.

const SMALL = '(max-width: 40rem), (max-height: 32rem)';

const folds = document.querySelectorAll('details.page-how');
if (folds.length > 0 && window.matchMedia(SMALL).matches) {
  for (const d of folds) d.open = false;
}
