// The compact view for an iframe (a link with embed=1): the charts, play and
// reset, the stats line, the controls the author listed in show=, and a link
// to the full page. The page reports its height to the host page, which can
// size the iframe to fit (see the README for the few lines that takes).

const HEIGHT_MESSAGE = 'nnfit:height';

// panel: the controls' aside; show: the schema names to keep.
export function enterEmbedView({ body, controls, panel, show, openFull }) {
  body.classList.add('embed');
  controls.showOnly(show);
  panel.hidden = show.length === 0;
  openFull.hidden = false;
  if (window.parent !== window) reportHeight();
}

// Posts { type: 'nnfit:height', height } to the parent whenever the content's height changes.
function reportHeight() {
  const root = document.documentElement;
  let last = 0;
  new ResizeObserver(() => {
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: HEIGHT_MESSAGE, height }, '*');
  }).observe(root);
}
