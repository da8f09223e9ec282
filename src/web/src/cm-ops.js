// Conversion between CodeMirror change sets and protocol operations.
// The editor is configured with "\n" as its only line separator, so its
// positions are the UTF-16 offsets of the protocol text.

import { ChangeSet } from '@codemirror/state';
import { TextOperation } from './text-operation.js';

/** The operation equivalent to a CodeMirror ChangeSet. */
export function changeSetToOp(changes) {
  const op = new TextOperation();
  let pos = 0;
  changes.iterChanges((fromA, toA, _fromB, _toB, inserted) => {
    op.retain(fromA - pos);
    op.insert(inserted.sliceString(0, inserted.length, '\n'));
    op.delete(toA - fromA);
    pos = toA;
  });
  op.retain(changes.length - pos);
  return op;
}

/** A ChangeSpec list for CodeMirror equivalent to an operation. */
export function opToChangeSpecs(op) {
  const specs = [];
  let pos = 0;
  for (const part of op.ops) {
    if (typeof part === 'string') {
      specs.push({ from: pos, insert: part });
    } else if (part > 0) {
      pos += part;
    } else {
      specs.push({ from: pos, to: pos - part });
      pos -= part;
    }
  }
  return specs;
}

/** The ChangeSet equivalent to an operation. */
export function opToChangeSet(op) {
  return ChangeSet.of(opToChangeSpecs(op), op.baseLength, '\n');
}
