// Wires the page: the config state and its controls, the link that holds it,
// the training loop in its worker, the charts, sharing and embedding, and the
// status that <body> reports to automation (data-status, data-epoch,
// data-loss, data-test-mse).
import { loadBrowserEngine } from './browser-engine.js';
import { Charts } from './charts.js';
import { ConfigState } from './config-state.js';
import { Controls } from './controls.js';
import { element } from './dom.js';
import { enterEmbedView } from './embed.js';
import { readLink, writeLink } from './link.js';
import { TrainingLoop } from './loop.js';
import { FUNCTION_EXAMPLES, PRESETS } from './presets.js';
import { SharePanel } from './share.js';
import { statsLine } from './stats.js';
import { decodeWeights, encodeWeights } from './weights-code.js';

// Speed levels in epochs per frame; the last one trains as fast as the machine allows.
const SPEEDS = [1, 2, 5, 10, 20, 50, 100, 200, 500, Infinity];
const DEFAULT_SPEED = 10; // the tutorial's 3000 epochs in about 5 s at 60 frames per second

const page = {
  body: document.body,
  stage: document.getElementById('stage'),
  play: document.getElementById('play'),
  step: document.getElementById('step'),
  reset: document.getElementById('reset'),
  newSeed: document.getElementById('new-seed'),
  speed: document.getElementById('speed'),
  speedValue: document.getElementById('speed-value'),
  progress: document.getElementById('progress'),
  notice: document.getElementById('notice'),
  stats: document.getElementById('stats'),
  testMse: document.getElementById('test-mse'),
  logScale: document.getElementById('log-scale'),
  layerField: document.getElementById('layer-field'),
  layer: document.getElementById('layer'),
  presetList: document.getElementById('preset-list'),
  linkNotices: document.getElementById('link-notices'),
  linkNoticeList: document.getElementById('link-notice-list'),
  dismissNotices: document.getElementById('dismiss-notices'),
  panel: document.getElementById('panel'),
  openFull: document.getElementById('open-full'),
};

// What the page shows about the current run; status is the trainer's
// ('running' | 'done' | 'diverged') once a run exists.
const run = { status: 'loading', error: '', describe: '', epochs: 0, epoch: 0, loss: NaN, testMse: NaN, seconds: 0 };

// <body> data-* and the notice; the rest of the page needs a run to show.
function renderStatus(playing) {
  const { body, notice } = page;
  body.dataset.status = run.status !== 'running' ? run.status
    : playing ? 'training' : run.epoch === 0 ? 'ready' : 'paused';
  const message = run.status === 'diverged' ? `The run diverged at epoch ${run.epoch + 1} — try a smaller learning rate.`
    : run.status === 'error' ? `Something went wrong: ${run.error}` : '';
  notice.textContent = message;
  notice.hidden = message === '';
  notice.dataset.kind = run.status;
}

function fail(message) {
  Object.assign(run, { status: 'error', error: message });
  renderStatus(false);
}

async function start() {
  const engine = await loadBrowserEngine();
  // Before the controls are added: sizing the charts then needs no new layout of the whole page.
  const charts = new Charts({
    loss: document.getElementById('loss-chart'),
    hidden: document.getElementById('hidden-chart'),
    fit: document.getElementById('fit-chart'),
  });
  const state = new ConfigState(engine);
  const link = readLink(location.search, engine);
  const view = link.view; // embed, show, autoplay: for as long as the page is open
  let startWeights = null; // { flat, epoch, text } from the link: runs start from them until the config changes
  let rateChangedMidRun = false; // the link (config + start weights) no longer replays this run

  function render() {
    renderStatus(loop.playing);
    if (run.status === 'loading' || run.status === 'error') return;
    const { body } = page;
    body.dataset.epoch = String(run.epoch);
    if (Number.isNaN(run.loss)) delete body.dataset.loss;
    else body.dataset.loss = String(run.loss);
    body.dataset.testMse = String(run.testMse);

    page.play.textContent = loop.playing ? 'Pause' : 'Play';
    page.play.setAttribute('aria-pressed', String(loop.playing));
    page.step.disabled = loop.playing || run.status !== 'running';
    page.progress.textContent = `epoch ${run.epoch} of ${run.epochs}`;
    page.stats.textContent = statsLine({ describe: run.describe, status: run.status, finalLoss: run.loss, epoch: run.epoch, seconds: run.seconds });
    page.testMse.textContent = `Test MSE (shifted points): ${Number(run.testMse.toPrecision(7))}`;
  }

  function absorb(snapshot) {
    Object.assign(run, { epoch: snapshot.epoch, status: snapshot.status, testMse: snapshot.testMse, seconds: snapshot.seconds });
    if (snapshot.losses.length > 0) run.loss = snapshot.losses[snapshot.losses.length - 1];
  }

  const loop = new TrainingLoop({
    onRun(started) {
      Object.assign(run, { describe: started.describe, epochs: started.config.epochs, loss: NaN });
      absorb(started);
      charts.startRun(started);
      showLayerChoice(started.layerSizes, started.layer);
      if (started.weightsNotice) {
        startWeights = null;
        showNotices([started.weightsNotice]);
        updateLink();
      }
      render();
    },
    onSnapshot(snapshot) {
      absorb(snapshot);
      charts.update(snapshot);
      render();
    },
    onDescribe(describe) {
      run.describe = describe;
      render();
    },
    onPlayingChange: render,
    onError: fail,
  });

  function showLayerChoice(layerSizes, shown) {
    page.layer.replaceChildren(...layerSizes.map((units, i) =>
      element('option', { value: String(i), textContent: `layer ${i + 1} (${units} units)` })));
    page.layer.value = String(shown);
    page.layerField.hidden = layerSizes.length < 2;
  }

  // A new run starts at once (at epoch 0, or where the link's weights were); its data follows from the worker.
  function restart(play = true) {
    rateChangedMidRun = false;
    if (run.status !== 'loading') Object.assign(run, { status: 'running', epoch: startWeights?.epoch ?? 0, loss: NaN });
    loop.configure(state.values, play, startWeights && { flat: startWeights.flat, epoch: startWeights.epoch });
  }
  // Reset keeps a paused run paused (to step through it from the start). A run
  // that started from a link's weights goes back to them; reset again there, and
  // it starts from the seed's weights at epoch 0.
  const reset = () => {
    if (startWeights && run.epoch === startWeights.epoch) {
      startWeights = null;
      updateLink();
    }
    restart(loop.playing || loop.finished);
  };

  // Applies a whole config when the core accepts it; shows why not otherwise.
  // Returns the names of the fields that changed.
  function apply(values) {
    const { errors, changed } = state.set(values);
    controls.show(errors.length > 0 ? values : state.values, state.resolved);
    controls.showErrors(errors);
    if (changed.length > 0 && !state.allLive(changed)) startWeights = null; // a new run: the link's weights no longer fit it
    if (changed.length > 0) updateLink();
    return changed;
  }

  // The address bar always holds the experiment (replaced, not pushed: no history entry per edit).
  function linkText() {
    const weights = startWeights && { text: startWeights.text, epoch: startWeights.epoch };
    return writeLink(state.differences(), engine, { embed: view.embed, show: view.show, autoplay: view.autoplay, weights });
  }
  function updateLink() {
    history.replaceState(null, '', `${location.pathname}${linkText()}`);
    page.openFull.href = `${location.pathname}${writeLink(state.differences(), engine)}`;
  }

  // A person's edit: the learning rate applies to the running run, anything else starts a new one.
  function edit(values) {
    const changed = apply(values);
    if (changed.length === 0) return;
    if (state.allLive(changed)) {
      loop.setLearningRate(state.resolved.lr);
      if (run.epoch > (startWeights?.epoch ?? 0)) rateChangedMidRun = true;
    } else {
      restart();
    }
  }

  // What picking an example function resets first: every field the examples set, to its default.
  const exampleDefaults = Object.fromEntries(FUNCTION_EXAMPLES.flatMap((example) => Object.keys(example.values))
    .map((name) => [name, state.defaults[name]]));
  const controls = new Controls(document.getElementById('controls'), engine.schema, {
    examples: FUNCTION_EXAMPLES,
    onEdit: () => edit(controls.read()),
    onExample: (example) => edit({ ...state.values, ...exampleDefaults, ...example.values }),
  });
  controls.show(state.values, state.resolved);

  // A "Try" action: the tutorial's setup with `values` on top, started afresh, in view.
  function tryExperiment(values) {
    apply(values);
    restart();
    if (page.stage.getBoundingClientRect().top < 0) page.stage.scrollIntoView();
  }
  for (const preset of PRESETS) {
    const button = element('button', { type: 'button', className: 'try-action', textContent: preset.name });
    button.addEventListener('click', () => tryExperiment(preset.values));
    const href = `${location.pathname}${writeLink(preset.values, engine)}`;
    const permalink = element('a', { className: 'preset-link', href, textContent: 'link' });
    permalink.setAttribute('aria-label', `Link to the preset ${preset.name}`);
    page.presetList.append(element('li', { id: `preset-${preset.id}` }, [button, element('p', { textContent: preset.text }), permalink]));
  }

  // Settings of the link that could not be used, each named; shown as text, never as markup.
  function showNotices(notices) {
    if (notices.length === 0) return;
    page.linkNoticeList.append(...notices.map((text) => element('li', { textContent: text })));
    page.linkNotices.hidden = false;
  }
  page.dismissNotices.addEventListener('click', () => {
    page.linkNoticeList.replaceChildren();
    page.linkNotices.hidden = true;
  });

  new SharePanel({
    share: document.getElementById('share-link'),
    embed: document.getElementById('share-embed'),
    withWeights: document.getElementById('share-weights'),
    autoplay: document.getElementById('share-autoplay'),
    shown: document.getElementById('share-show'),
    result: document.getElementById('share-result'),
    label: document.getElementById('share-label'),
    text: document.getElementById('share-text'),
    message: document.getElementById('share-message'),
  }, {
    describe: () => run.describe,
    async linkFor({ withWeights, embed, autoplay, show }) {
      const current = withWeights ? await loop.currentWeights() : null;
      const weights = current?.flat && { text: encodeWeights(current.flat), epoch: current.epoch };
      const query = embed
        ? writeLink(state.differences(), engine, { embed, show, autoplay, weights })
        : writeLink(state.differences(), engine, { weights });
      const caveat = rateChangedMidRun && !weights
        ? 'The learning rate was changed during this run, so the link replays it with the new rate from the start; ' +
          'tick "With the trained weights" to share the run as it stands.'
        : '';
      return { url: `${location.origin}${location.pathname}${query}`, weightCount: current?.flat?.length ?? 0, caveat };
    },
  }, engine.schema);

  const togglePlay = () => (loop.finished ? restart() : loop.toggle());
  const stepOnce = () => loop.step();
  const newSeed = () => {
    const { max } = engine.schema.find((field) => field.name === 'seed');
    edit({ ...state.values, seed: String((Number(state.values.seed) + 1) % (max + 1)) });
  };
  const toggleLog = () => {
    page.logScale.checked = !page.logScale.checked;
    charts.setLogScale(page.logScale.checked);
  };
  page.play.addEventListener('click', togglePlay);
  page.step.addEventListener('click', stepOnce);
  page.reset.addEventListener('click', reset);
  page.newSeed.addEventListener('click', newSeed);
  page.logScale.addEventListener('change', () => charts.setLogScale(page.logScale.checked));
  page.layer.addEventListener('change', () => loop.setLayer(Number(page.layer.value)));

  page.speed.max = String(SPEEDS.length - 1);
  page.speed.value = String(SPEEDS.indexOf(DEFAULT_SPEED));
  const showSpeed = () => {
    const speed = SPEEDS[Number(page.speed.value)];
    loop.setSpeed(speed);
    page.speedValue.textContent = Number.isFinite(speed) ? `${speed} epoch${speed === 1 ? '' : 's'} per frame` : 'as fast as possible';
  };
  page.speed.addEventListener('input', showSpeed);
  showSpeed();

  // Single-key shortcuts, except while the focus is in a control that uses the keys itself.
  const shortcuts = { ' ': togglePlay, s: stepOnce, r: reset, n: newSeed, l: toggleLog };
  document.addEventListener('keydown', (event) => {
    const action = shortcuts[event.key.toLowerCase()];
    if (!action || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest('input, select, textarea, button, [contenteditable]')) return;
    event.preventDefault();
    action();
  });

  apply(link.values);
  if (link.weights) {
    const flat = decodeWeights(link.weights.text);
    if (flat) startWeights = { flat, epoch: link.weights.epoch, text: link.weights.text };
    else link.notices.push('Ignored the trained weights in the link: they are not whole base64url-encoded numbers.');
  }
  showNotices(link.notices);
  if (view.embed) enterEmbedView({ body: page.body, controls, panel: page.panel, show: view.show, openFull: page.openFull });
  updateLink();
  restart(view.autoplay);
}

start().catch((error) => fail(error.message ?? String(error)));
