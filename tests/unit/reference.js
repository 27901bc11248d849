// An independent reference of the tutorial's algorithm (issue 2 §1) in plain
// JavaScript with Float64Array, written from the description, not from
// the C++ core, so that the tests can check the core's numbers against it.
//
// Options (numbers, not text): f (a JS function of x), xmin, xmax, ymin, ymax,
// points, activation, lr, batch, epochs, bias, and exp (Math.exp unless given).
// Missing ones take the tutorial's values. The network's shape comes from the weights it is given: a list of
// matrices [layer][row][col] in the tutorial's orientation (W_l has one row per
// unit feeding it, the bias row first), as the wasm trainer hands them out.

const LEAK = 0.01; // leaky ReLU's slope below 0

// Each activation: a = f(z), its slope written through the output a, the range
// the targets are scaled into (the tutorial's, tanh's (0, -1) sic) and the
// tutorial's learning rate.
const ACTIVATIONS = {
  sigmoid: { f: (z, exp) => 1 / (1 + exp(-z)), slope: (a) => a * (1 - a), range: () => [0, 1], lr: 0.45 },
  tanh: { f: Math.tanh, slope: (a) => 1 - a * a, range: () => [0, -1], lr: 0.005 },
  relu: { f: (z) => Math.max(z, 0), slope: (a) => (a > 0 ? 1 : 0), range: (xmax) => [0, xmax], lr: 0.0005 },
  leakyrelu: {
    f: (z) => Math.max(z, LEAK * z), slope: (a) => (a > 0 ? 1 : LEAK), range: (xmax) => [0, xmax], lr: 0.0005,
  },
};

function resolve(options = {}) {
  const c = {
    f: Math.sin, xmin: 0, xmax: 6.28, ymin: -1, ymax: 1, activation: 'sigmoid', batch: 4, epochs: 3000, bias: true, exp: Math.exp,
    ...options,
  };
  c.points ??= Math.trunc((c.xmax - c.xmin) * 5 + 1); // numx = int(maxx * 5 + 1)
  c.lr ??= ACTIVATIONS[c.activation].lr;
  return c;
}

// numpy.linspace(start, stop, num): i * step + start, the last exactly stop.
export function linspace(start, stop, num) {
  const step = (stop - start) / (num - 1);
  const xs = new Float64Array(num);
  for (let i = 0; i < num; i += 1) xs[i] = i * step + start;
  xs[num - 1] = stop;
  return xs;
}

function trainingGrid(c) {
  return linspace(c.xmin, c.xmax, c.points);
}

// The training grid shifted by half a step: points the network never saw.
export function testGrid(c) {
  const half = (c.xmax - c.xmin) / (c.points - 1) / 2;
  return trainingGrid(c).map((x) => x + half);
}

// One input row per x, [1, x] or [x]: { data, rows, cols }.
function inputRows(c, xs) {
  const cols = c.bias ? 2 : 1;
  const data = new Float64Array(xs.length * cols);
  xs.forEach((x, i) => {
    if (c.bias) data[i * cols] = 1;
    data[i * cols + cols - 1] = x;
  });
  return { data, rows: xs.length, cols };
}

const fromNested = (m) => ({ data: Float64Array.from(m.flat()), rows: m.length, cols: m[0].length });
const toNested = (w) => Array.from({ length: w.rows }, (_, i) => Array.from(w.data.subarray(i * w.cols, (i + 1) * w.cols)));

// Rows [first, first + n) of `input` through every layer: each layer's outputs (n x units, row-major).
function forward(weights, activate, input, first, n) {
  const outputs = [];
  let a = input.data.subarray(first * input.cols, (first + n) * input.cols);
  for (const w of weights) {
    const out = new Float64Array(n * w.cols);
    for (let r = 0; r < n; r += 1) {
      for (let j = 0; j < w.cols; j += 1) {
        let z = 0;
        for (let k = 0; k < w.rows; k += 1) z += a[r * w.rows + k] * w.data[k * w.cols + j];
        out[r * w.cols + j] = activate(z);
      }
    }
    outputs.push(out);
    a = out;
  }
  return outputs;
}

// One mini-batch: forward, every delta, then every update. Returns the batch loss mean(E²).
function trainBatch(c, weights, inputs, targets, first, n) {
  const act = ACTIVATIONS[c.activation];
  const outputs = forward(weights, (z) => act.f(z, c.exp), inputs, first, n);
  const last = weights.length - 1;
  const z = outputs[last];
  const deltas = [];
  let loss = 0;
  deltas[last] = z.map((a, i) => { // one output unit: row i of Z is z[i]
    const e = targets[first + i] - a; // E = Yb - Z
    loss += e * e;
    return e * act.slope(a); // dZ = E ⊙ act'(Z)
  });
  for (let l = last - 1; l >= 0; l -= 1) { // dH = (dZ · Wzᵀ) ⊙ act'(H)
    const above = weights[l + 1];
    const d = new Float64Array(n * above.rows);
    for (let r = 0; r < n; r += 1) {
      for (let i = 0; i < above.rows; i += 1) {
        let s = 0;
        for (let j = 0; j < above.cols; j += 1) s += deltas[l + 1][r * above.cols + j] * above.data[i * above.cols + j];
        d[r * above.rows + i] = s * act.slope(outputs[l][r * above.rows + i]);
      }
    }
    deltas[l] = d;
  }
  weights.forEach((w, l) => { // W_l += L · (A_{l-1}ᵀ · delta_l), A_{-1} = Xb
    const below = l === 0 ? inputs.data.subarray(first * inputs.cols, (first + n) * inputs.cols) : outputs[l - 1];
    for (let i = 0; i < w.rows; i += 1) {
      for (let j = 0; j < w.cols; j += 1) {
        let s = 0;
        for (let r = 0; r < n; r += 1) s += below[r * w.rows + i] * deltas[l][r * w.cols + j];
        w.data[i * w.cols + j] += c.lr * s;
      }
    }
  });
  return loss / n;
}

// Trains from `initialWeights` for c.epochs epochs; every epoch's loss (the mean
// of its batch losses) is recorded, even a non-finite one.
// Returns { lossHistory: Float64Array, weights: nested matrices }.
export function train(options, initialWeights) {
  const c = resolve(options);
  const weights = initialWeights.map(fromNested);
  const [mina, maxa] = ACTIVATIONS[c.activation].range(c.xmax);
  const xs = trainingGrid(c);
  const inputs = inputRows(c, xs);
  const targets = xs.map((x) => (c.f(x) - c.ymin) * (maxa - mina) / (c.ymax - c.ymin) + mina);
  const lossHistory = new Float64Array(c.epochs);
  for (let epoch = 0; epoch < c.epochs; epoch += 1) {
    let sum = 0;
    let batches = 0;
    for (let first = 0; first < c.points; first += c.batch, batches += 1) {
      sum += trainBatch(c, weights, inputs, targets, first, Math.min(c.batch, c.points - first));
    }
    lossHistory[epoch] = sum / batches;
  }
  return { lossHistory, weights: weights.map(toNested) };
}

// The network on the test grid: predictions scaled back to [ymin, ymax], each
// hidden layer's unit outputs ([layer][unit] -> Float64Array over the points),
// and the test MSE against f at the shifted points.
export function evaluateTest(options, weights) {
  const c = resolve(options);
  const act = ACTIVATIONS[c.activation];
  const [mina, maxa] = act.range(c.xmax);
  const ts = testGrid(c);
  const outputs = forward(weights.map(fromNested), (z) => act.f(z, c.exp), inputRows(c, ts), 0, ts.length);
  const predictions = outputs.at(-1).map((a) => (a - mina) * (c.ymax - c.ymin) / (maxa - mina) + c.ymin);
  const hidden = outputs.slice(0, -1).map((out) => {
    const units = out.length / ts.length;
    return Array.from({ length: units }, (_, u) => ts.map((_t, i) => out[i * units + u]));
  });
  let sum = 0;
  ts.forEach((t, i) => { sum += (predictions[i] - c.f(t)) ** 2; });
  return { x: ts, predictions, hidden, mse: sum / ts.length };
}
