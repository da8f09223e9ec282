// The binding between the CodeMirror editor and the room's session.
//
// Local transactions become operations for the OT client. Remote
// operations are dispatched with a `remote` annotation and
// addToHistory(false), so undo and redo only touch the user's own edits;
// CodeMirror maps the selection and the undo history through them.

import { Annotation, Transaction } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { changeSetToOp, opToChangeSpecs } from './cm-ops.js';

/** Marks a transaction that came from the server; its value is the author's clientId (or null). */
export const remote = Annotation.define();

/** The extension that reports the user's changes to `onLocalOp(op)`. */
export function localChanges(onLocalOp) {
  return EditorView.updateListener.of((update) => {
    for (const tr of update.transactions) {
      if (!tr.docChanged || tr.annotation(remote) !== undefined) continue;
      onLocalOp(changeSetToOp(tr.changes));
    }
  });
}

export function isRemote(tr) {
  return tr.annotation(remote) !== undefined;
}

/** Applies another client's (already transformed) operation to the editor. */
export function applyRemoteOp(view, op, clientId = null) {
  view.dispatch({
    changes: opToChangeSpecs(op),
    annotations: [remote.of(clientId), Transaction.addToHistory.of(false)],
  });
}

/**
 * Replaces the editor's text with `text` (a start or restart from the server),
 * changing only the part that differs so the selection stays put where it can.
 */
export function replaceDoc(view, text) {
  const old = view.state.doc.toString();
  if (old === text) return;
  let start = 0;
  const max = Math.min(old.length, text.length);
  while (start < max && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let endOld = old.length;
  let endNew = text.length;
  while (endOld > start && endNew > start && old.charCodeAt(endOld - 1) === text.charCodeAt(endNew - 1)) {
    endOld--;
    endNew--;
  }
  view.dispatch({
    changes: { from: start, to: endOld, insert: text.slice(start, endNew) },
    annotations: [remote.of(null), Transaction.addToHistory.of(false)],
  });
}
