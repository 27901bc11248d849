// The three live charts. Each run builds its point arrays once; snapshots
// then append losses and overwrite y values in place, and each chart is
// redrawn once per snapshot without animation. Axes hold still: x spans the
// whole run from the start, and y ranges only ever widen, in round steps.
import {
  Chart, Decimation, Legend, LinearScale, LineController, LineElement, LogarithmicScale, PointElement, Tooltip,
} from 'chart.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Legend, Tooltip, Decimation);

// Hidden units get a legend entry each up to this many.
const MAX_UNIT_LEGEND = 10;
// Points drawn per frame are capped, however many the run has: hidden units
// share this many, and each series of dots gets this many. Every k-th point is
// shown beyond that; the curves are smooth and the dots merge at that density.
const MAX_HIDDEN_POINTS = 4000;
const MAX_DOTS = 250;

// Indices 0, k, 2k, … and the last one, so that at most `limit` are kept.
function sampleIndices(count, limit) {
  const step = Math.ceil(count / limit);
  const indices = [];
  for (let i = 0; i < count; i += step) indices.push(i);
  if (indices[indices.length - 1] !== count - 1) indices.push(count - 1);
  return indices;
}

// Runs fn in a task of its own (a message to ourselves: no timer clamping).
const taskChannel = new MessageChannel();
const taskQueue = [];
taskChannel.port1.onmessage = () => taskQueue.shift()();
function inOwnTask(fn) {
  taskQueue.push(fn);
  taskChannel.port2.postMessage(null);
}

// Colours live in the stylesheet (Okabe-Ito, safe for colour-blind readers).
function palette() {
  const style = getComputedStyle(document.documentElement);
  const color = (name) => style.getPropertyValue(`--${name}`).trim();
  return {
    ink: color('ink'),
    muted: color('muted'),
    grid: color('grid'),
    series: ['blue', 'orange', 'green', 'purple', 'sky', 'vermillion', 'yellow', 'black'].map((n) => color(`okabe-${n}`)),
    training: color('okabe-vermillion'),
    prediction: color('okabe-blue'),
    curve: color('okabe-sky'),
    test: color('okabe-orange'),
  };
}

// The smallest and largest finite value seen; grows only.
class Extent {
  constructor() { this.min = Infinity; this.max = -Infinity; }
  include(values) {
    for (const v of values) {
      if (!Number.isFinite(v)) continue;
      if (v < this.min) this.min = v;
      if (v > this.max) this.max = v;
    }
  }
}

// Axis bounds around an extent: round numbers on a linear axis (from 0 when
// `fromZero`), whole decades on a log axis; automatic while nothing is seen.
function roundBounds({ min, max }, { log = false, fromZero = false } = {}) {
  if (!(max >= min)) return { min: undefined, max: undefined };
  if (log) {
    const low = min > 0 ? min : max;
    return { min: 10 ** Math.floor(Math.log10(low)), max: 10 ** Math.ceil(Math.log10(max)) };
  }
  const low = fromZero ? Math.min(0, min) : min;
  const span = max - low || Math.abs(max) || 1;
  const step = 10 ** Math.floor(Math.log10(span));
  return { min: Math.floor(low / step) * step, max: Math.ceil(max / step) * step };
}

const shortNumber = (v) => String(Number(v.toPrecision(4)));

// Tick labels without Intl.NumberFormat, which is slow to create and to call
// every frame; on a log axis only 1, 2 and 5 times a power of ten get a label.
function tickLabel(value) {
  if (this.type === 'logarithmic' && ![1, 2, 5].includes(Number((value / 10 ** Math.floor(Math.log10(value))).toPrecision(2)))) return '';
  return shortNumber(value);
}

function baseOptions(colors, xTitle, yTitle) {
  const axis = (title) => ({
    type: 'linear',
    title: { display: true, text: title, color: colors.ink },
    ticks: { color: colors.muted, maxTicksLimit: 7, minRotation: 0, maxRotation: 0, callback: tickLabel },
    grid: { color: colors.grid },
  });
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    parsing: false,
    normalized: true,
    interaction: { mode: 'nearest', axis: 'x', intersect: false },
    scales: { x: axis(xTitle), y: axis(yTitle) },
    plugins: {
      legend: { labels: { color: colors.ink, boxWidth: 14, boxHeight: 8 } },
      tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${shortNumber(c.parsed.y)}` } },
    },
  };
}

// A chart over the x range: its x axis ends where the points do, not at round
// numbers, so the ends get no labels.
function overXOptions(colors, yTitle) {
  const options = baseOptions(colors, 'x', yTitle);
  options.scales.x.ticks.includeBounds = false;
  options.plugins.tooltip.callbacks.title = (items) => `x = ${shortNumber(items[0].parsed.x)}`;
  return options;
}

const line = (label, color, extra = {}) => ({
  label, data: [], borderColor: color, backgroundColor: color, borderWidth: 2, pointRadius: 0, ...extra,
});
const dots = (label, color, pointStyle) => ({
  label, data: [], borderColor: color, backgroundColor: color, showLine: false, pointRadius: 3.5, pointStyle,
});
// Point objects at xs[i] for each of `indices`, their y to be filled in from ys[indices[i]].
const pointsAt = (xs, indices) => indices.map((i) => ({ x: xs[i], y: NaN }));
function fillY(points, ys, indices) {
  for (let i = 0; i < points.length; i += 1) points[i].y = ys[indices[i]];
}
const allIndices = (count) => Array.from({ length: count }, (_, i) => i);

export class Charts {
  constructor({ loss, hidden, fit }) {
    const colors = palette();
    this.colors = colors;
    this.logScale = false;
    this.waiting = new Set();

    const lossOptions = baseOptions(colors, 'epoch', 'training loss');
    lossOptions.scales.y2 = { ...lossOptions.scales.y, position: 'right', grid: { drawOnChartArea: false },
      title: { ...lossOptions.scales.y.title, text: 'test MSE' } };
    lossOptions.plugins.decimation = { enabled: true, algorithm: 'min-max' };
    lossOptions.plugins.tooltip.callbacks.title = (items) => `epoch ${items[0].parsed.x}`;
    this.loss = new Chart(loss, {
      type: 'line',
      data: { datasets: [
        line('training loss (scaled targets)', colors.ink, { yAxisID: 'y' }),
        line('test MSE (shifted points)', colors.test, { yAxisID: 'y2', borderDash: [6, 4] }),
      ] },
      options: lossOptions,
    });

    this.hidden = new Chart(hidden, { type: 'line', data: { datasets: [] }, options: overXOptions(colors, 'unit output') });

    this.fit = new Chart(fit, {
      type: 'line',
      data: { datasets: [
        line('target f(x)', colors.muted, { borderWidth: 1.5 }),
        dots('training points', colors.training, 'circle'),
        dots('network at test points', colors.prediction, 'rectRot'),
        line('learned curve', colors.curve),
      ] },
      options: overXOptions(colors, 'f(x)'),
    });
  }

  // A new run: fixed x axes, fresh series, and its first snapshot.
  startRun(run) {
    this.run = run;
    this.lossExtent = new Extent();
    this.testExtent = new Extent();
    this.fitExtent = new Extent();
    this.layer = null; // set with the first snapshot

    // Kept here: once decimated, a dataset's `data` is Chart.js's thinned copy.
    this.lossPoints = [];
    this.testPoints = [];
    const [trainingLoss, testMse] = this.loss.data.datasets;
    trainingLoss.data = this.lossPoints;
    testMse.data = this.testPoints;
    Object.assign(this.loss.options.scales.x, { min: run.historyStart, max: run.config.epochs });

    const xs = [...run.training.x, ...run.testX, ...run.curveX];
    const xBounds = { min: Math.min(...xs), max: Math.max(...xs) };
    Object.assign(this.hidden.options.scales.x, xBounds);
    Object.assign(this.fit.options.scales.x, xBounds);

    this.curveIndices = allIndices(run.curveX.length);
    this.dotIndices = sampleIndices(run.testX.length, MAX_DOTS);
    const [target, training, predictions, curve] = this.fit.data.datasets;
    target.data = pointsAt(run.curveX, this.curveIndices);
    fillY(target.data, run.curveTarget, this.curveIndices);
    training.data = pointsAt(run.training.x, this.dotIndices);
    fillY(training.data, run.training.y, this.dotIndices);
    predictions.data = pointsAt(run.testX, this.dotIndices);
    curve.data = pointsAt(run.curveX, this.curveIndices);
    // The y axis follows f over the training domain only: drawn beyond it (config `beyond`), f may
    // run far off, and the axis should keep showing the fit; the line is clipped at the edge.
    const { xmin, xmax } = run.config;
    this.fitExtent.include(run.curveTarget.filter((_, i) => run.curveX[i] >= xmin && run.curveX[i] <= xmax));
    this.fitExtent.include(run.training.y);

    this.update(run);
  }

  // New epochs: losses appended, every view of the network replaced.
  update(snapshot) {
    // One push per series and snapshot: Chart.js does work for every push call.
    const first = this.lossPoints.length + this.run.historyStart + 1;
    this.lossPoints.push(...Array.from(snapshot.losses, (y, i) => ({ x: first + i, y })));
    this.testPoints.push(...snapshot.tests.map(([x, y]) => ({ x, y })));
    this.lossExtent.include(snapshot.losses);
    this.testExtent.include(snapshot.tests.map(([, y]) => y));

    const [, , predictions, curve] = this.fit.data.datasets;
    fillY(predictions.data, snapshot.predictions, this.dotIndices);
    fillY(curve.data, snapshot.curvePredictions, this.curveIndices);
    this.fitExtent.include(snapshot.predictions);
    this.fitExtent.include(snapshot.curvePredictions);

    if (snapshot.layer !== this.layer) this.#buildHiddenSeries(snapshot.layer, snapshot.hidden.length);
    for (const unit of snapshot.hidden) this.hiddenExtent.include(unit);
    this.hidden.data.datasets.forEach((dataset, u) => fillY(dataset.data, snapshot.hidden[u], this.hiddenIndices));
    this.#draw();
  }

  setLogScale(on) {
    this.logScale = on;
    this.#draw();
  }

  // A line per unit of the layer shown, and a y axis of its own.
  #buildHiddenSeries(layer, units) {
    this.layer = layer;
    this.hiddenExtent = new Extent();
    const { series } = this.colors;
    this.hiddenIndices = sampleIndices(this.run.testX.length, Math.floor(MAX_HIDDEN_POINTS / units));
    this.hidden.data.datasets = Array.from({ length: units }, (_, u) => line(`unit ${u + 1}`, series[u % series.length],
      { data: pointsAt(this.run.testX, this.hiddenIndices), borderWidth: 1.5 }));
    this.hidden.options.plugins.legend.display = units <= MAX_UNIT_LEGEND;
  }

  #draw() {
    const lossAxis = { type: this.logScale ? 'logarithmic' : 'linear' };
    const lossBounds = { log: this.logScale, fromZero: true };
    Object.assign(this.loss.options.scales.y, lossAxis, roundBounds(this.lossExtent, lossBounds));
    Object.assign(this.loss.options.scales.y2, lossAxis, roundBounds(this.testExtent, lossBounds));
    Object.assign(this.hidden.options.scales.y, roundBounds(this.hiddenExtent));
    Object.assign(this.fit.options.scales.y, roundBounds(this.fitExtent));
    for (const chart of [this.fit, this.loss, this.hidden]) this.#redraw(chart);
  }

  // Each chart redraws in a task of its own, so that no task holds all three;
  // a chart already waiting for its redraw is not queued twice.
  #redraw(chart) {
    if (this.waiting.has(chart)) return;
    this.waiting.add(chart);
    inOwnTask(() => {
      this.waiting.delete(chart);
      chart.update('none');
    });
  }
}
