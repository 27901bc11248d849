// Content for the page: example functions for the expression field, and the
// preset gallery: the tutorial's setup and each of its "Try …" suggestions as
// a named experiment. A preset is data: config values applied on top of the
// defaults, checked by the core like any input, with a few sentences on what
// to watch for. Each has its own link (see link.js).

const PARABOLA = { fn: 'x^2 - 1', xmin: '-2', xmax: '2', ymin: 'auto', ymax: 'auto' };

// An example's values go on top of the defaults of every field the examples
// set (the function and its ranges), so the tutorial's own needs none.
export const FUNCTION_EXAMPLES = [
  { label: 'sin(x) on 0 … 6.28 (the tutorial)', values: {} },
  { label: 'x^2 - 1 on -2 … 2', values: PARABOLA },
  { label: 'abs(x) on -3 … 3', values: { fn: 'abs(x)', xmin: '-3', xmax: '3', ymin: 'auto', ymax: 'auto' } },
  { label: 'exp(-x/3)*cos(2*x) on 0 … 10', values: { fn: 'exp(-x/3)*cos(2*x)', xmin: '0', xmax: '10', ymin: 'auto', ymax: 'auto' } },
  { label: 'sign(x) on -2 … 2 (a step)', values: { fn: 'sign(x)', xmin: '-2', xmax: '2', ymin: 'auto', ymax: 'auto' } },
];

export const PRESETS = [
  {
    id: 'tutorial',
    name: 'The tutorial',
    values: {},
    text: 'Sigmoid units, a bias unit, five hidden units, batches of four, 3000 epochs at rate 0.45: the setup the tutorial starts from. The fit is close but not perfect; the test points between the samples show how well it generalises.',
  },
  {
    id: 'tanh',
    name: 'tanh',
    values: { activation: 'tanh' },
    text: 'tanh is an S-curve centred on zero. With the tutorial’s rate for it, 0.005, it reaches a fit of about the same quality by a different path.',
  },
  {
    id: 'relu',
    name: 'ReLU at the tutorial’s rate',
    values: { activation: 'relu' },
    text: 'ReLU units are straight lines with a kink. The tutorial gives them a rate of 0.0005 and scales the targets up to 0 … 6.28; steps that small barely move the weights in 3000 epochs, and a unit pushed below zero everywhere stops learning for good. The loss stays high.',
  },
  {
    id: 'relu-learns',
    name: 'ReLU that learns',
    values: { activation: 'relu', hidden: '20', lr: '0.01' },
    text: 'Twenty ReLU units and a rate twenty times larger: now the kinks line up along the curve and the fit beats the sigmoid’s on the test points.',
  },
  {
    id: 'no-bias',
    name: 'No bias unit',
    values: { bias: 'false' },
    text: 'Without the constant input every hidden unit outputs the same value at x = 0 whatever its weights, so no S-curve can slide sideways. Watch the hidden-layer chart: all curves cross at one point, and the fit suffers.',
  },
  {
    id: 'one-unit',
    name: '1 hidden unit',
    values: { hidden: '1' },
    text: 'A single S-curve, stretched and flipped by the output unit, is all the network has. It can follow one slope of the wave, not both.',
  },
  {
    id: 'two-units',
    name: '2 hidden units',
    values: { hidden: '2' },
    text: 'Two S-curves, one rising and one falling, added up: already about as good as five.',
  },
  {
    id: 'twenty-units',
    name: '20 hidden units',
    values: { hidden: '20' },
    text: 'More units can draw more detail, but in the same 3000 epochs they have not settled: the loss ends higher than with five.',
  },
  {
    id: 'batch-1',
    name: 'Batch size 1',
    values: { batch: '1' },
    text: 'A weight update after every point: 32 updates per epoch instead of 8. The loss falls about five times lower in the same number of epochs, with a noisier curve.',
  },
  {
    id: 'batch-32',
    name: 'One batch of all 32 points',
    values: { batch: '32' },
    text: 'One update per epoch from the gradients of all points added up: fewer, bigger steps. Watch the loss chart after epoch 600: a step overshoots, the loss climbs to twice its value, then falls lower than before.',
  },
  {
    id: 'more-epochs',
    name: '20000 epochs',
    values: { epochs: '20000' },
    text: 'Keep going: the loss keeps falling, about seventy times lower than at 3000 epochs, and the test error with it.',
  },
  {
    id: 'parabola',
    name: 'Learn x^2 - 1',
    values: PARABOLA,
    text: 'A parabola on -2 … 2. Its y range is found from the function itself, so the targets fit into the sigmoid’s 0 … 1.',
  },
  {
    id: 'wider-domain',
    name: 'A wider domain',
    values: { xmin: '-6.28', xmax: '12.56', hidden: '10', epochs: '10000' },
    text: 'Three waves instead of one, for ten units: the network has to spread its S-curves out, and even with more epochs the fit stays rough.',
  },
  {
    id: 'extrapolation',
    name: 'Beyond the training points',
    values: { beyond: '0.5', epochs: '10000' },
    text: 'The learned curve drawn half a domain past each end. Outside 0 … 6.28 the network has never seen a point, and its S-curves simply flatten out: a network interpolates, it does not discover that sin repeats.',
  },
  {
    id: 'diverges',
    name: 'A rate that diverges',
    values: { activation: 'leakyrelu', lr: '0.1', batch: '1' },
    text: 'Sigmoid and tanh outputs are bounded, so their runs cannot blow up. Leaky ReLU is not: with steps this big its weights grow without limit and the loss overflows within a hundred epochs. The run stops and says so.',
  },
  {
    id: 'he-init',
    name: 'He initialisation',
    values: { init: 'he' },
    text: 'Starting weights drawn from a normal distribution with spread sqrt(2 / fan-in), the rule the tutorial hints at: a better start, and a loss about a third lower after 3000 epochs.',
  },
];
