// Play / pause / step / speed on the page's side of the training worker.
// While playing, each animation frame asks the worker for up to `speed`
// epochs (never more than one request in flight) and hands the newest
// snapshot to onSnapshot, so the charts redraw at most once per frame.

// Longest stretch the worker trains before it reports back: about a frame.
const WORK_BUDGET_MS = 14;

export class TrainingLoop {
  // onRun(run): a new run is configured (its data and first snapshot);
  // onSnapshot(snapshot): new epochs to draw; onDescribe(text); onError(message).
  constructor({ onRun, onSnapshot, onDescribe, onError, onPlayingChange }) {
    this.callbacks = { onRun, onSnapshot, onDescribe, onError, onPlayingChange };
    this.worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    this.worker.onmessage = ({ data }) => this.#receive(data);
    this.worker.onerror = (event) => onError(event.message || 'the training worker failed to start');
    this.runId = 0;
    this.speed = 1;
    this.layer = 0; // the hidden layer shown
    this.playing = false;
    this.finished = false;
    this.inFlight = false;
    this.pending = null; // the newest snapshot not yet drawn
    this.frameRequested = false;
    this.weightRequests = []; // resolvers of currentWeights(), in order
  }

  // Starts a new run; it plays at once when `play` is true. `weights`
  // ({ flat, epoch }, optional) replace the seed's initial weights.
  configure(values, play, weights = null) {
    this.runId += 1;
    this.inFlight = false;
    this.pending = null;
    this.finished = false;
    this.worker.postMessage({ type: 'configure', id: this.runId, values, layer: this.layer, weights });
    this.#setPlaying(play);
  }

  // Resolves to { flat, epoch } of the run current when the worker answers (flat null before any run).
  currentWeights() {
    return new Promise((resolve) => {
      this.weightRequests.push(resolve);
      this.worker.postMessage({ type: 'weights', id: this.runId });
    });
  }

  setSpeed(epochsPerFrame) { this.speed = epochsPerFrame; }

  setLayer(layer) {
    this.layer = layer;
    this.worker.postMessage({ type: 'layer', id: this.runId, layer });
  }

  setLearningRate(rate) {
    this.worker.postMessage({ type: 'learningRate', id: this.runId, rate });
  }

  toggle() {
    if (this.playing) this.pause();
    else this.play();
  }

  play() { if (!this.finished) this.#setPlaying(true); }
  pause() { this.#setPlaying(false); }

  // One epoch, when paused.
  step() {
    if (this.playing || this.finished || this.inFlight) return;
    this.#request(1);
  }

  #setPlaying(playing) {
    this.playing = playing;
    this.callbacks.onPlayingChange(playing);
    this.#scheduleFrame();
  }

  #request(epochs) {
    this.inFlight = true;
    this.worker.postMessage({ type: 'train', id: this.runId, epochs, budgetMs: WORK_BUDGET_MS });
  }

  #receive(message) {
    if (message.type === 'error') {
      this.#setPlaying(false);
      this.callbacks.onError(message.message);
      return;
    }
    if (message.type === 'weights') {
      this.weightRequests.shift()(message);
      return;
    }
    if (message.id !== this.runId) return; // from a run that has been replaced
    if (message.type === 'describe') {
      this.callbacks.onDescribe(message.describe);
      return;
    }
    this.finished = message.status !== 'running';
    if (message.type === 'run') {
      this.layer = message.layer;
      this.callbacks.onRun(message);
    } else {
      if (message.type === 'snapshot') this.inFlight = false; // the answer to a train request, not a 'view'
      this.pending = mergeSnapshots(this.pending, message);
    }
    this.#scheduleFrame();
  }

  #scheduleFrame() {
    if (this.frameRequested) return;
    this.frameRequested = true;
    requestAnimationFrame(() => this.#frame());
  }

  #frame() {
    this.frameRequested = false;
    if (this.pending) {
      const snapshot = this.pending;
      this.pending = null;
      this.callbacks.onSnapshot(snapshot);
    }
    if (this.finished && this.playing) this.#setPlaying(false);
    if (this.playing && !this.inFlight) {
      this.#request(this.speed);
      this.#scheduleFrame();
    }
  }
}

// Two snapshots not yet drawn: the newer one, with the older one's new losses in front.
function mergeSnapshots(older, newer) {
  if (!older) return newer;
  const losses = new Float64Array(older.losses.length + newer.losses.length);
  losses.set(older.losses);
  losses.set(newer.losses, older.losses.length);
  return { ...newer, losses, tests: [...older.tests, ...newer.tests] };
}
