// The experiment's config: one text value per schema field, as the core reads
// it. The controls, the presets and the page's link change it here,
// and only ever to a config the core accepts.
export class ConfigState {
  constructor(engine) {
    this.engine = engine;
    this.defaults = Object.fromEntries(engine.schema.map((field) => [field.name, field.default]));
    this.live = new Set(engine.schema.filter((field) => field.live).map((field) => field.name));
    this.values = {};
    this.set(this.defaults);
  }

  // Replaces every value (a missing field takes its default) if the core
  // accepts the whole config. Returns { errors: [{ field, message }], changed:
  // [names] }; with errors nothing changes and the last valid run keeps going.
  set(values) {
    const next = { ...this.defaults, ...values };
    const checked = this.engine.checkConfig(next);
    if (!checked.ok) return { errors: checked.errors, changed: [] };
    const changed = Object.keys(next).filter((name) => next[name] !== this.values[name]);
    this.values = next;
    this.resolved = checked.config; // every field resolved, "auto" included
    return { errors: [], changed };
  }

  // The fields that differ from their defaults: what a link has to say.
  differences() {
    return Object.fromEntries(Object.entries(this.values).filter(([name, value]) => value !== this.defaults[name]));
  }

  // True when every named field applies to a running run without a reset.
  allLive(names) {
    return names.every((name) => this.live.has(name));
  }
}
