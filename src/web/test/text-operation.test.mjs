import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextOperation, transformPosition } from '../src/text-operation.js';
import { rng, randomOp, randomString } from '../testkit/random.mjs';

const op = (parts) => TextOperation.fromJSON(parts);

test('applies the example of the protocol', () => {
  assert.equal(op([6, -5, 'there']).apply('hello world'), 'hello there');
});

test('builder normalises: merges parts and puts inserts before deletes', () => {
  const o = new TextOperation().retain(2).retain(3).delete(2).insert('ab').insert('c').delete(1).retain(0);
  assert.deepEqual(o.toJSON(), [5, 'abc', -3]);
  assert.equal(o.baseLength, 8);
  assert.equal(o.targetLength, 8);
  assert.deepEqual(TextOperation.fromJSON([1, -1, 'x']).toJSON(), [1, 'x', -1]);
});

test('fromJSON refuses what is not an operation', () => {
  for (const bad of [null, {}, [1.5], [0], [true], [[1]], 'x']) {
    assert.throws(() => TextOperation.fromJSON(bad), undefined, JSON.stringify(bad));
  }
});

test('apply refuses a text of the wrong length', () => {
  assert.throws(() => op([3]).apply('ab'));
});

test('positions count UTF-16 code units', () => {
  // '😀' is two code units: retaining 2 keeps it whole.
  assert.equal(op([2, 'x', -1]).apply('😀é'), '😀x');
});

test('ot.js tie rule: when both insert at one place, the first operation’s text comes first', () => {
  const a = op([1, 'A', 1]);
  const b = op([1, 'B', 1]);
  const [a1, b1] = TextOperation.transform(a, b);
  assert.equal(b1.apply(a.apply('xy')), 'xABy');
  assert.equal(a1.apply(b.apply('xy')), 'xABy');
  const [b2, a2] = TextOperation.transform(b, a);
  assert.equal(a2.apply(b.apply('xy')), 'xBAy');
  assert.equal(b2.apply(a.apply('xy')), 'xBAy');
});

test('transform handles overlapping deletes', () => {
  const a = op([1, -3, 1]);
  const b = op([2, -3]);
  const [a1, b1] = TextOperation.transform(a, b);
  assert.equal(b1.apply(a.apply('abcde')), 'a');
  assert.equal(a1.apply(b.apply('abcde')), 'a');
});

test('random: apply(compose(a, b)) equals apply(b, apply(a))', () => {
  const r = rng(1);
  for (let i = 0; i < 2000; i++) {
    const s = randomString(r, 20);
    const a = randomOp(r, s);
    const afterA = a.apply(s);
    const b = randomOp(r, afterA);
    const ab = a.compose(b);
    assert.equal(ab.apply(s), b.apply(afterA));
    assert.equal(ab.baseLength, s.length);
  }
});

test('random: transform converges (TP1) and keeps lengths', () => {
  const r = rng(2);
  for (let i = 0; i < 2000; i++) {
    const s = randomString(r, 20);
    const a = randomOp(r, s);
    const b = randomOp(r, s);
    const [a1, b1] = TextOperation.transform(a, b);
    assert.equal(b1.apply(a.apply(s)), a1.apply(b.apply(s)), `seed 2 case ${i}`);
    assert.equal(a1.baseLength, b.targetLength);
    assert.equal(b1.baseLength, a.targetLength);
    assert.ok(a.compose(b1).equals(b.compose(a1)), 'a∘b\' == b∘a\' as operations');
  }
});

test('random: invert undoes, and composing with the inverse is a no-op', () => {
  const r = rng(3);
  for (let i = 0; i < 1000; i++) {
    const s = randomString(r, 20);
    const a = randomOp(r, s);
    const inv = a.invert(s);
    assert.equal(inv.apply(a.apply(s)), s);
    assert.equal(a.compose(inv).apply(s), s);
  }
});

test('random: compose is associative', () => {
  const r = rng(4);
  for (let i = 0; i < 500; i++) {
    const s = randomString(r, 20);
    const a = randomOp(r, s);
    const b = randomOp(r, a.apply(s));
    const c = randomOp(r, b.apply(a.apply(s)));
    assert.ok(a.compose(b).compose(c).equals(a.compose(b.compose(c))));
  }
});

test('random: operations stay normalised', () => {
  const r = rng(5);
  const kind = (p) => (typeof p === 'string' ? 'i' : p > 0 ? 'r' : 'd');
  for (let i = 0; i < 1000; i++) {
    const s = randomString(r, 20);
    const a = randomOp(r, s);
    const b = randomOp(r, s);
    for (const o of [...TextOperation.transform(a, b), a.compose(randomOp(r, a.apply(s)))]) {
      const parts = o.toJSON();
      for (let k = 0; k < parts.length; k++) {
        assert.notEqual(parts[k], 0);
        assert.notEqual(parts[k], '');
        if (k > 0) {
          assert.notEqual(kind(parts[k]), kind(parts[k - 1]), JSON.stringify(parts));
          assert.ok(!(kind(parts[k - 1]) === 'd' && kind(parts[k]) === 'i'), JSON.stringify(parts));
        }
      }
      assert.deepEqual(TextOperation.fromJSON(parts).toJSON(), parts);
    }
  }
});

test('transformPosition follows ot.js: inserts at the position push it, deletes pull it', () => {
  assert.equal(transformPosition(3, op([3, 'ab', 2])), 5);
  assert.equal(transformPosition(3, op([3, 'ab', 2]), true), 3);
  assert.equal(transformPosition(3, op([1, 'ab', 4])), 5);
  assert.equal(transformPosition(3, op([4, 'ab', 1])), 3);
  assert.equal(transformPosition(3, op([1, -3, 1])), 1);
  assert.equal(transformPosition(5, op([1, -3, 1])), 2);
});

test('random: transformPosition lands on the same character after the operation', () => {
  const r = rng(6);
  for (let i = 0; i < 1000; i++) {
    const s = randomString(r, 20) + '#';
    const a = randomOp(r, s);
    // Mark a character and check it does not move relative to the mapped position.
    const pos = r.int(s.length);
    const marked = s.slice(0, pos) + '\u0000' + s.slice(pos + 1);
    const after = a.apply(marked);
    const at = after.indexOf('\u0000');
    if (at >= 0) assert.equal(transformPosition(pos, a), at);
  }
});
