import { describe, expect, test } from 'vitest';
import { MAX_LINK_LENGTH, readLink, writeLink } from '../../web/src/link.js';
import { toMatrices } from '../../web/src/engine.js';
import { decodeWeights, encodeWeights } from '../../web/src/weights-code.js';
import { HOSTILE_LINKS } from '../fixtures/hostile-links.js';
import { engine } from './helpers.js';


describe('readLink', () => {
  test('an empty link is the tutorial default', () => {
    expect(readLink('', engine)).toEqual({ values: {}, view: { embed: false, show: [], autoplay: true }, weights: null, notices: [] });
  });

  test('valid values apply exactly as written', () => {
    const link = '?fn=exp(-x%2F3)*cos(2*x)&xmax=10&ymin=auto&ymax=auto&bias=false&seed=77&hidden=8%2C4';
    const { values, notices } = readLink(link, engine);
    expect(notices).toEqual([]);
    expect(values).toEqual({ fn: 'exp(-x/3)*cos(2*x)', xmax: '10', ymin: 'auto', ymax: 'auto', bias: 'false', seed: '77', hidden: '8,4' });
  });

  test('a bad value is dropped with a notice naming the field; the rest applies', () => {
    const { values, notices } = readLink('?epochs=0&activation=tanh', engine);
    expect(values).toEqual({ activation: 'tanh' });
    expect(notices).toEqual(["Ignored epochs: '0' is out of range; allowed: a whole number from 1 to 100000"]);
  });

  test('values that conflict are dropped until the config is valid', () => {
    expect(readLink('?xmin=7', engine)).toMatchObject({ values: {}, notices: [expect.stringContaining('xmin=')] });
    expect(readLink('?batch=40', engine).values).toEqual({});
    expect(readLink('?batch=40&points=50', engine).values).toEqual({ batch: '40', points: '50' });
    expect(readLink('?fn=log(x)&xmin=1', engine).values).toEqual({ fn: 'log(x)', xmin: '1' });
    const { values, notices } = readLink('?fn=log(x)&epochs=20', engine);
    expect(values).toEqual({ epochs: '20' });
    expect(notices[0]).toContain('fn');
  });

  test('duplicate keys: the first applies, with a notice', () => {
    const { values, notices } = readLink('?seed=1&seed=2', engine);
    expect(values).toEqual({ seed: '1' });
    expect(notices).toEqual(['Ignored a second value for seed; the first one applies.']);
  });

  test('prototype keys are data, never properties', () => {
    const { values, notices } = readLink('?__proto__=1&constructor=1&toString=x', engine);
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
    expect(Object.keys(values)).toEqual([]);
    expect({}.polluted).toBeUndefined();
    expect(notices).toHaveLength(3);
  });

  test('view keys: embed, show, autoplay, weights', () => {
    expect(readLink('?embed=1&show=lr,activation,nope', engine)).toMatchObject({
      view: { embed: true, show: ['lr', 'activation'], autoplay: false },
      notices: [expect.stringContaining('"nope"')],
    });
    expect(readLink('?embed=1&autoplay=1', engine).view.autoplay).toBe(true);
    expect(readLink('?weights=abc_-&epoch=12', engine).weights).toEqual({ text: 'abc_-', epoch: 12 });
    expect(readLink('?weights=abc&epoch=-1', engine).weights).toBeNull();
  });

  test.each(HOSTILE_LINKS.map((link) => [link.slice(0, 60), link]))('hostile link %s is contained', (_, link) => {
    const result = readLink(link, engine);
    expect(engine.checkConfig(result.values).ok).toBe(true);
    for (const notice of result.notices) {
      expect(notice.length).toBeLessThan(300);
      expect(notice).not.toMatch(/[\u0000-\u001f]/); // printable: shown as text, never as markup
    }
  });

  test('an over-long link applies nothing', () => {
    const { values, notices } = readLink(`?seed=3&fn=${'x+'.repeat(MAX_LINK_LENGTH)}x`, engine);
    expect(values).toEqual({});
    expect(notices[0]).toContain(String(MAX_LINK_LENGTH));
  });
});

describe('writeLink', () => {
  test('only changed fields, in schema order, read back to the same values', () => {
    const changed = { seed: '9', fn: 'x^2 - 1', bias: 'false' };
    const link = writeLink(changed, engine);
    expect(link).toBe('?fn=x%5E2+-+1&bias=false&seed=9');
    expect(readLink(link, engine).values).toEqual(changed);
    expect(writeLink({}, engine)).toBe('');
  });

  test('view keys and weights', () => {
    expect(writeLink({ lr: '0.1' }, engine, { embed: true, show: ['lr'], autoplay: true, weights: { text: 'AAAA', epoch: 5 } }))
      .toBe('?lr=0.1&embed=1&show=lr&autoplay=1&weights=AAAA&epoch=5');
  });
});

describe('weights in a link', () => {
  test('encoding keeps every bit', () => {
    const matrices = [[[0.1, -2.5e-300, Number.MIN_VALUE], [1 / 3, -0, 12345.678]], [[Math.PI], [-Math.E], [1e300]]];
    const decoded = decodeWeights(encodeWeights(matrices.flat(2)));
    const back = toMatrices(decoded, [[2, 3], [3, 1]]);
    expect(back).toEqual(matrices);
    expect(Object.is(back[0][1][1], -0)).toBe(true);
  });

  test('malformed text is refused', () => {
    for (const bad of ['', 'A', 'AAAA', 'not*base64', 'AAAAAAAAAAA=', null, 42]) expect(decodeWeights(bad)).toBeNull();
    expect(toMatrices(new Float64Array(3), [[2, 2]])).toBeNull();
  });
});
