import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EditorState, ChangeSet } from '@codemirror/state';
import { changeSetToOp, opToChangeSet, opToChangeSpecs } from '../src/cm-ops.js';
import { TextOperation } from '../src/text-operation.js';
import { rng, randomOp, randomString } from '../testkit/random.mjs';

const stateOf = (text) => EditorState.create({ doc: text, extensions: EditorState.lineSeparator.of('\n') });

test('random: an operation and its ChangeSet change a CodeMirror document alike', () => {
  const r = rng(11);
  for (let i = 0; i < 1000; i++) {
    const text = randomString(r, 30);
    const op = randomOp(r, text);
    const state = stateOf(text);
    const after = state.update({ changes: opToChangeSpecs(op) }).state;
    assert.equal(after.doc.toString(), op.apply(text));
    assert.equal(after.doc.length, op.targetLength, 'editor positions are UTF-16 offsets even with \\r');
  }
});

test('random: ChangeSet -> operation -> ChangeSet round trip', () => {
  const r = rng(12);
  for (let i = 0; i < 1000; i++) {
    const text = randomString(r, 30);
    const op = randomOp(r, text);
    const changes = opToChangeSet(op);
    const back = changeSetToOp(changes);
    assert.equal(back.apply(text), op.apply(text));
    assert.equal(back.baseLength, text.length);
  }
});

test('a multi-range CodeMirror change becomes one normalised operation', () => {
  const changes = ChangeSet.of([{ from: 1, to: 2, insert: 'X' }, { from: 4, insert: 'YY' }], 6, '\n');
  assert.deepEqual(changeSetToOp(changes).toJSON(), [1, 'X', -1, 2, 'YY', 2]);
  assert.equal(changeSetToOp(changes).apply('abcdef'), 'aXcdYYef');
});

test('a document with \\r\\n keeps its length in the editor', () => {
  const text = 'a\r\nb';
  assert.equal(stateOf(text).doc.length, text.length);
  assert.equal(stateOf(text).doc.toString(), text);
  const op = TextOperation.fromJSON([2, 'x', 2]);
  assert.equal(stateOf(text).update({ changes: opToChangeSpecs(op) }).state.doc.toString(), 'a\rx\nb');
});
