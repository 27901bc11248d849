// Labelled, bounded controls built from the core's config schema: the labels,
// ranges, choices, defaults and help texts all come from there. A field that
// may be "auto" is a text box left empty for auto; its placeholder shows what
// auto currently resolves to.
import { element } from './dom.js';

export class Controls {
  // onEdit(): a control was changed; onExample(example): one was picked from the menu.
  constructor(form, schema, { examples, onEdit, onExample }) {
    this.form = form;
    this.fields = schema;
    this.inputs = new Map();
    this.errors = new Map();
    // The schema's groups in the order their first fields come, each titled by its name.
    for (const group of new Set(schema.map((field) => field.group))) {
      const title = group[0].toUpperCase() + group.slice(1);
      const fieldset = element('fieldset', { className: 'control-group' }, [element('legend', { textContent: title })]);
      for (const field of schema.filter((f) => f.group === group)) fieldset.append(this.#fieldRow(field));
      form.append(fieldset);
    }
    form.addEventListener('change', (event) => {
      if (event.target.name) onEdit(); // not the examples menu, which has no field name
    });
    const expression = schema.find((field) => field.type === 'expression');
    this.errors.get(expression.name).after(examplesMenu(examples, onExample));
  }

  // Every control's text, as the core reads it.
  read() {
    const values = {};
    for (const field of this.fields) {
      const input = this.inputs.get(field.name);
      const text = input.type === 'checkbox' ? String(input.checked) : input.value.trim();
      values[field.name] = field.auto && text === '' ? 'auto' : text;
    }
    return values;
  }

  // Shows `values`; `resolved` (the core's resolved config) fills the auto placeholders.
  show(values, resolved) {
    for (const field of this.fields) {
      const input = this.inputs.get(field.name);
      const value = values[field.name];
      if (input.type === 'checkbox') input.checked = value === 'true';
      else input.value = field.auto && value === 'auto' ? '' : value;
      if (field.auto) input.placeholder = `auto: ${resolved[field.name]}`;
    }
  }

  // Only the named fields stay visible (an embed shows the few its author chose);
  // a group with none of them goes too.
  showOnly(names) {
    for (const [name, input] of this.inputs) input.closest('.field').hidden = !names.includes(name);
    for (const group of this.form.querySelectorAll('.control-group')) {
      group.hidden = [...group.querySelectorAll('.field')].every((row) => row.hidden);
    }
  }

  // errors: [{ field, message }]; every other field's message is cleared.
  showErrors(errors) {
    for (const [name, box] of this.errors) {
      const message = errors.filter((e) => e.field === name).map((e) => e.message).join('; ');
      box.textContent = message;
      box.hidden = message === '';
      this.inputs.get(name).setAttribute('aria-invalid', String(message !== ''));
    }
  }

  #fieldRow(field) {
    const id = `field-${field.name}`;
    const input = createInput(field);
    Object.assign(input, { id, name: field.name });
    input.setAttribute('aria-describedby', `${id}-hint ${id}-error`);
    const hint = field.auto ? `${field.description} Empty: auto, ${field.auto}.` : field.description;
    const error = element('p', { id: `${id}-error`, className: 'field-error', hidden: true });
    error.setAttribute('role', 'alert');
    this.inputs.set(field.name, input);
    this.errors.set(field.name, error);
    const label = element('label', { htmlFor: id, textContent: field.label });
    const row = field.type === 'boolean'
      ? element('div', { className: 'field field-check' }, [input, label])
      : element('div', { className: 'field' }, [label, input]);
    row.append(error, element('p', { id: `${id}-hint`, className: 'field-hint', textContent: hint }));
    return row;
  }
}

function createInput(field) {
  switch (field.type) {
    case 'choice':
      return element('select', {}, field.choices.map((choice) => element('option', { value: choice, textContent: choice })));
    case 'boolean':
      return element('input', { type: 'checkbox' });
    case 'expression':
      return element('input', { type: 'text', maxLength: field.maxLength, spellcheck: false, autocomplete: 'off' });
    case 'integer-list':
      return element('input', { type: 'text', inputMode: 'numeric', autocomplete: 'off' });
    default: {
      const decimal = field.type === 'number';
      if (field.auto) return element('input', { type: 'text', inputMode: decimal ? 'decimal' : 'numeric', autocomplete: 'off' });
      return element('input', { type: 'number', min: field.min, max: field.max, step: decimal ? 'any' : 1 });
    }
  }
}

// A menu of example functions beside the expression field.
function examplesMenu(examples, onExample) {
  const placeholder = element('option', { value: '', textContent: 'Examples…' });
  const menu = element('select', { className: 'examples', ariaLabel: 'Example functions' },
    [placeholder, ...examples.map((example, i) => element('option', { value: String(i), textContent: example.label }))]);
  menu.addEventListener('change', () => {
    if (menu.value !== '') onExample(examples[Number(menu.value)]);
    menu.value = '';
  });
  return menu;
}
