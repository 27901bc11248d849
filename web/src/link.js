// The experiment in the page's URL. A link holds every config field that
// differs from its default, plus a few keys for the view:
//   embed=1          compact view for an iframe
//   show=a,b         with embed: the config controls to show (schema names)
//   autoplay=0|1     start training on load (default 1 on the full page, 0 in an embed)
//   weights=...      trained weights (see weights-code.js) and epoch=N, the epoch they belong to
// Everything read from a link is treated as hostile: each value is checked by
// the core's schema, a bad one is dropped with a notice naming it, and nothing
// from the link is ever used as HTML or code.

export const MAX_LINK_LENGTH = 8000; // characters of a whole link; longer ones are refused, shared or received
const MAX_VALUE_LENGTH = 1000; // any single config value longer than this is dropped unread
const VIEW_KEYS = ['embed', 'show', 'autoplay', 'weights', 'epoch'];

// A value quoted in a notice: short, printable.
function quoted(text) {
  const printable = String(text).replace(/[^\x20-\x7e]/g, '?');
  return JSON.stringify(printable.length > 40 ? `${printable.slice(0, 40)}...` : printable);
}

// search: location.search. engine: for the schema and its checks.
// Returns { values, view: { embed, show, autoplay }, weights: { text, epoch } | null, notices: [text] }.
export function readLink(search, engine) {
  const notices = [];
  const fieldNames = new Set(engine.schema.map((field) => field.name));
  const raw = new Map(); // name -> text; a Map, so keys such as __proto__ are plain data
  if (search.length > MAX_LINK_LENGTH) {
    notices.push(`This link is longer than ${MAX_LINK_LENGTH} characters; its settings were not applied.`);
    return { values: {}, view: defaultView(), weights: null, notices };
  }
  for (const [name, value] of new URLSearchParams(search)) {
    if (!fieldNames.has(name) && !VIEW_KEYS.includes(name)) {
      notices.push(`Ignored ${quoted(name)}: not a setting of nnfit.`);
    } else if (raw.has(name)) {
      notices.push(`Ignored a second value for ${name}; the first one applies.`);
    } else {
      raw.set(name, value);
    }
  }

  const values = {};
  for (const name of fieldNames) {
    if (!raw.has(name)) continue;
    const value = raw.get(name);
    const message = value.length > MAX_VALUE_LENGTH
      ? `${name}: the value is longer than ${MAX_VALUE_LENGTH} characters`
      : engine.checkField(name, value);
    if (message) notices.push(`Ignored ${message}`);
    else values[name] = value;
  }
  dropConflicts(values, engine, notices);

  const view = readView(raw, fieldNames, notices);
  let weights = null;
  if (raw.has('weights')) {
    const epoch = raw.has('epoch') ? Number(raw.get('epoch')) : 0;
    if (Number.isInteger(epoch) && epoch >= 0) weights = { text: raw.get('weights'), epoch };
    else notices.push(`Ignored the trained weights: epoch ${quoted(raw.get('epoch'))} is not a whole number of 0 or more.`);
  }
  return { values, view, weights, notices };
}

// Fields that are fine alone but not together (xmax below xmin, batch above
// points, log(x) where x reaches 0 ...): drop the field an error names when the
// link gave it, else the link's own value whose removal changes the verdict.
// Every pass drops at least one value, so this ends.
function dropConflicts(values, engine, notices) {
  for (let checked = engine.checkConfig(values); !checked.ok; checked = engine.checkConfig(values)) {
    const named = checked.errors.filter(({ field }) => Object.hasOwn(values, field));
    if (named.length > 0) {
      for (const { field } of named) delete values[field];
      named.forEach(({ message }) => notices.push(`Ignored ${message}`));
      continue;
    }
    const verdict = JSON.stringify(checked.errors);
    const culprit = Object.keys(values).reverse().find((name) => {
      const { [name]: _, ...without } = values;
      return JSON.stringify(engine.checkConfig(without).errors ?? []) !== verdict;
    }) ?? Object.keys(values)[0];
    if (culprit === undefined) return; // the defaults themselves are always valid; nothing left to drop
    notices.push(`Ignored ${culprit}=${quoted(values[culprit])}: ${checked.errors[0].message}`);
    delete values[culprit];
  }
}

function defaultView() {
  return { embed: false, show: [], autoplay: true };
}

function readView(raw, fieldNames, notices) {
  const view = defaultView();
  const flag = (name) => {
    const text = raw.get(name);
    if (text === '1' || text === '0') return text === '1';
    notices.push(`Ignored ${name}=${quoted(text)}: use 0 or 1.`);
    return null;
  };
  if (raw.has('embed')) view.embed = flag('embed') ?? false;
  view.autoplay = !view.embed;
  if (raw.has('autoplay')) view.autoplay = flag('autoplay') ?? view.autoplay;
  if (raw.has('show')) {
    for (const name of raw.get('show').split(',').filter(Boolean)) {
      if (fieldNames.has(name)) view.show.push(name);
      else notices.push(`Ignored ${quoted(name)} in show: not a setting of nnfit.`);
    }
  }
  return view;
}

// The query string for a config (only fields that differ from their defaults)
// and optional view keys and weights, in schema order so equal configs give equal links.
export function writeLink(changedValues, engine, extra = {}) {
  const params = new URLSearchParams();
  for (const { name } of engine.schema) {
    if (Object.hasOwn(changedValues, name)) params.set(name, changedValues[name]);
  }
  if (extra.embed) params.set('embed', '1');
  if (extra.show && extra.show.length > 0) params.set('show', extra.show.join(','));
  if (typeof extra.autoplay === 'boolean' && extra.autoplay !== !extra.embed) params.set('autoplay', extra.autoplay ? '1' : '0');
  if (extra.weights) {
    params.set('weights', extra.weights.text);
    params.set('epoch', String(extra.weights.epoch));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
