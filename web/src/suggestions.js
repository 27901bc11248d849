// Content for the page: example functions for the expression field, and the
// tutorial's "Try …" suggestions as experiments. Each is a set of config
// values applied on top of the defaults; the core checks them like any input.

export const FUNCTION_EXAMPLES = [
  { label: 'sin(x) on 0 … 6.28 (the tutorial)', values: { fn: 'sin(x)', xmin: '0', xmax: '6.28', ymin: '-1', ymax: '1' } },
  { label: 'x^2 - 1 on -2 … 2', values: { fn: 'x^2 - 1', xmin: '-2', xmax: '2', ymin: 'auto', ymax: 'auto' } },
  { label: 'abs(x) on -3 … 3', values: { fn: 'abs(x)', xmin: '-3', xmax: '3', ymin: 'auto', ymax: 'auto' } },
  { label: 'exp(-x/3)*cos(2*x) on 0 … 10', values: { fn: 'exp(-x/3)*cos(2*x)', xmin: '0', xmax: '10', ymin: 'auto', ymax: 'auto' } },
  { label: 'sign(x) on -2 … 2 (a step)', values: { fn: 'sign(x)', xmin: '-2', xmax: '2', ymin: 'auto', ymax: 'auto' } },
];

export const TRY_SUGGESTIONS = [
  {
    action: 'Switch to tanh',
    values: { activation: 'tanh' },
    text: 'tanh is an S-curve centred on zero. With its own tutorial learning rate it takes a different path to a fit of similar quality.',
  },
  {
    action: 'Switch to ReLU',
    values: { activation: 'relu' },
    text: 'ReLU units are straight lines with a kink, so the fit is made of segments. At the tutorial’s tiny rate it hardly moves in 3000 epochs.',
  },
  {
    action: 'Remove the bias unit',
    values: { bias: 'false' },
    text: 'Without the constant input, every hidden unit gives the same output at x = 0 whatever its weights, so its S-curve cannot slide sideways. In the hidden-layer chart every curve starts at about the same height.',
  },
  {
    action: 'Use 2 hidden units',
    values: { hidden: '2' },
    text: 'The output is a weighted sum of only two S-curves, and that is already close. Try 1 as well.',
  },
  {
    action: 'Use 20 hidden units',
    values: { hidden: '20' },
    text: 'More units can draw more detail, but in the same number of epochs they have not settled yet.',
  },
  {
    action: 'Batch size 1',
    values: { batch: '1' },
    text: 'A weight update after every single point: 32 updates per epoch instead of 8, so the loss falls much further in the same number of epochs.',
  },
  {
    action: 'One batch of all 32 points',
    values: { batch: '32' },
    text: 'One update per epoch, from the gradients of all points added up: fewer, bigger steps and a smooth loss curve.',
  },
  {
    action: 'Learning rate 0.1',
    values: { lr: '0.1' },
    text: 'Smaller steps: the loss falls more slowly and ends higher. You can also change the rate while it trains.',
  },
  {
    action: 'A rate that diverges',
    values: { activation: 'leakyrelu', lr: '0.1', batch: '1' },
    text: 'Leaky ReLU does not saturate, so with steps this big the weights blow up within a hundred epochs.',
  },
  {
    action: 'Learn x^2 - 1 instead',
    values: FUNCTION_EXAMPLES[1].values,
    text: 'A parabola on -2 … 2; the y range is found automatically so the targets fit the sigmoid’s output.',
  },
  {
    action: 'Widen the domain to 0 … 12.56',
    values: { xmax: '12.56' },
    text: 'Two full waves for the same five units: the network has to stretch, and the fit gets visibly worse.',
  },
  {
    action: 'He initialisation',
    values: { init: 'he' },
    text: 'Starting weights drawn from a normal distribution scaled by the fan-in often give a better start than the tutorial’s uniform ones.',
  },
  {
    action: '10000 epochs',
    values: { epochs: '10000' },
    text: 'Longer training keeps pulling the loss down: about 40 times lower than after 3000 epochs.',
  },
];
