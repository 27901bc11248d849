// Wires the page: the config state and its controls, the training loop in
// its worker, the charts and the status that <body> reports to automation
// (data-status, data-epoch, data-loss, data-test-mse).
import { loadBrowserEngine } from './browser-engine.js';
import { Charts } from './charts.js';
import { ConfigState } from './config-state.js';
import { Controls } from './controls.js';
import { element } from './dom.js';
import { TrainingLoop } from './loop.js';
import { statsLine } from './stats.js';
import { FUNCTION_EXAMPLES, TRY_SUGGESTIONS } from './suggestions.js';

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
  tryList: document.getElementById('try-list'),
};

// What the page shows about the current run; status is the trainer's
// ('running' | 'done' | 'diverged') once a run exists.
const view = { status: 'loading', error: '', describe: '', epochs: 0, epoch: 0, loss: NaN, testMse: NaN, seconds: 0 };

// <body> data-* and the notice; the rest of the page needs a run to show.
function renderStatus(playing) {
  const { body, notice } = page;
  body.dataset.status = view.status !== 'running' ? view.status
    : playing ? 'training' : view.epoch === 0 ? 'ready' : 'paused';
  const message = view.status === 'diverged' ? `The run diverged at epoch ${view.epoch + 1} — try a smaller learning rate.`
    : view.status === 'error' ? `Something went wrong: ${view.error}` : '';
  notice.textContent = message;
  notice.hidden = message === '';
  notice.dataset.kind = view.status;
}

function fail(message) {
  Object.assign(view, { status: 'error', error: message });
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

  function render() {
    renderStatus(loop.playing);
    if (view.status === 'loading' || view.status === 'error') return;
    const { body } = page;
    body.dataset.epoch = String(view.epoch);
    if (Number.isNaN(view.loss)) delete body.dataset.loss;
    else body.dataset.loss = String(view.loss);
    body.dataset.testMse = String(view.testMse);

    page.play.textContent = loop.playing ? 'Pause' : 'Play';
    page.play.setAttribute('aria-pressed', String(loop.playing));
    page.step.disabled = loop.playing || view.status !== 'running';
    page.progress.textContent = `epoch ${view.epoch} of ${view.epochs}`;
    page.stats.textContent = statsLine({ describe: view.describe, status: view.status, finalLoss: view.loss, epoch: view.epoch, seconds: view.seconds });
    page.testMse.textContent = `Test MSE (shifted points): ${Number(view.testMse.toPrecision(7))}`;
  }

  function absorb(snapshot) {
    Object.assign(view, { epoch: snapshot.epoch, status: snapshot.status, testMse: snapshot.testMse, seconds: snapshot.seconds });
    if (snapshot.losses.length > 0) view.loss = snapshot.losses[snapshot.losses.length - 1];
  }

  const loop = new TrainingLoop({
    onRun(run) {
      Object.assign(view, { describe: run.describe, epochs: run.config.epochs, loss: NaN });
      absorb(run);
      charts.startRun(run);
      showLayerChoice(run.layerSizes, run.layer);
      render();
    },
    onSnapshot(snapshot) {
      absorb(snapshot);
      charts.update(snapshot);
      render();
    },
    onDescribe(describe) {
      view.describe = describe;
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

  // A new run starts at epoch 0 at once; its data follows from the worker.
  function restart(play = true) {
    if (view.status !== 'loading') Object.assign(view, { status: 'running', epoch: 0, loss: NaN });
    loop.configure(state.values, play);
  }
  // Reset keeps a paused run paused (to step through it from the start).
  const reset = () => restart(loop.playing || loop.finished);

  // Applies a whole config when the core accepts it; shows why not otherwise.
  // Returns the names of the fields that changed.
  function apply(values) {
    const { errors, changed } = state.set(values);
    controls.show(errors.length > 0 ? values : state.values, state.resolved);
    controls.showErrors(errors);
    return changed;
  }

  // A person's edit: the learning rate applies to the running run, anything else starts a new one.
  function edit(values) {
    const changed = apply(values);
    if (changed.length === 0) return;
    if (state.allLive(changed)) loop.setLearningRate(state.resolved.lr);
    else restart();
  }

  const controls = new Controls(document.getElementById('controls'), engine.schema, {
    examples: FUNCTION_EXAMPLES,
    onEdit: () => edit(controls.read()),
    onExample: (example) => edit({ ...state.values, ...example.values }),
  });
  controls.show(state.values, state.resolved);

  // A "Try" action: the tutorial's setup with `values` on top, started afresh, in view.
  function tryExperiment(values) {
    apply(values);
    restart();
    if (page.stage.getBoundingClientRect().top < 0) page.stage.scrollIntoView();
  }
  for (const suggestion of TRY_SUGGESTIONS) {
    const button = element('button', { type: 'button', className: 'try-action', textContent: suggestion.action });
    button.addEventListener('click', () => tryExperiment(suggestion.values));
    page.tryList.append(element('li', {}, [button, element('p', { textContent: suggestion.text })]));
  }
  document.getElementById('tutorial-default').addEventListener('click', () => tryExperiment({}));

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

  restart();
}

start().catch((error) => fail(error.message ?? String(error)));
