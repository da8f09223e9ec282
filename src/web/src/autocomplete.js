// Autocomplete from POST /api/autocomplete:
//  - inline ghost text after the cursor: Tab accepts it, Esc dismisses it;
//  - a drop-down of the `alternatives`, on Ctrl-Space, or by itself while
//    typing when the server is confident.
//
// Requests are debounced. An answer is shown only if it is the answer to
// the latest request and the document and cursor are still those it was
// asked about (CodeMirror documents are immutable, so the document object
// itself is the version). Any remote change hides the ghost text: a
// suggestion never stands in the way of what someone else is typing.

import { StateField, StateEffect, Prec } from '@codemirror/state';
import { EditorView, Decoration, WidgetType, keymap, ViewPlugin } from '@codemirror/view';
import { autocompletion, startCompletion, closeCompletion, completionStatus, completionKeymap } from '@codemirror/autocomplete';
import { isRemote } from './binding.js';
import { h } from './dom.js';

const DEBOUNCE_MS = 150;
/** Below this confidence no ghost text is shown. */
const GHOST_MIN_CONFIDENCE = 0.05;
/** At or above this confidence the drop-down opens by itself while typing. */
const DROPDOWN_CONFIDENCE = 0.75;

const showGhost = StateEffect.define(); // {pos, text}
const hideGhost = StateEffect.define();

class GhostWidget extends WidgetType {
  constructor(text) {
    super();
    this.text = text;
  }

  eq(other) {
    return other.text === this.text;
  }

  toDOM() {
    return h('span', { class: 'cm-ghost-text', 'aria-hidden': 'true' }, this.text);
  }

  ignoreEvent() {
    return false;
  }
}

const ghostField = StateField.define({
  create: () => null, // {pos, text}
  update(ghost, tr) {
    for (const e of tr.effects) {
      if (e.is(showGhost)) return e.value;
      if (e.is(hideGhost)) return null;
    }
    if (!ghost) return null;
    // Any change to the text, and any cursor move, ends the suggestion.
    if (tr.docChanged || tr.selection) return null;
    return ghost;
  },
  provide: (field) => EditorView.decorations.from(field, (ghost) => (ghost
    ? Decoration.set([Decoration.widget({ widget: new GhostWidget(ghost.text), side: 1 }).range(ghost.pos)])
    : Decoration.none)),
});

function acceptGhost(view) {
  const ghost = view.state.field(ghostField, false);
  if (!ghost) return false;
  const head = view.state.selection.main.head;
  if (head !== ghost.pos) return false;
  view.dispatch({
    changes: { from: ghost.pos, insert: ghost.text },
    selection: { anchor: ghost.pos + ghost.text.length },
    userEvent: 'input.complete',
    effects: hideGhost.of(null),
  });
  return true;
}

function dismissGhost(view) {
  const ghost = view.state.field(ghostField, false);
  if (!ghost) return false;
  view.dispatch({ effects: hideGhost.of(null) });
  if (completionStatus(view.state)) closeCompletion(view);
  return true;
}

/**
 * The autocomplete extension.
 * @param {object} opts
 *   request(code, cursorPosition, signal) -> Promise<{suggestion, confidence, alternatives}>
 *   language() -> string    the room's language now
 */
export function serverAutocomplete({ request }) {
  let seq = 0; // numbers requests; only the latest one's answer counts
  let latest = null; // {seq, doc, pos, answer}

  const fetchFor = async (state, signal) => {
    const mySeq = ++seq;
    const doc = state.doc;
    const pos = state.selection.main.head;
    const answer = await request(doc.toString(), pos, signal);
    if (mySeq !== seq) return null;
    latest = { seq: mySeq, doc, pos, answer };
    return latest;
  };

  const isCurrent = (entry, state) => entry && entry.doc === state.doc
    && state.selection.ranges.length === 1 && state.selection.main.empty && state.selection.main.head === entry.pos;

  const completionSource = async (context) => {
    const word = context.matchBefore(/[\w$]*/);
    if (!context.explicit && !(word && word.from < word.to)) return null;
    let entry = isCurrent(latest, context.state) ? latest : null;
    if (!entry) {
      if (!context.explicit) return null;
      const controller = new AbortController();
      context.addEventListener('abort', () => controller.abort());
      try {
        entry = await fetchFor(context.state, controller.signal);
      } catch {
        return null;
      }
      if (!entry || !isCurrent(entry, context.state)) return null;
    }
    const alternatives = (entry.answer && entry.answer.alternatives) || [];
    if (alternatives.length === 0) return null;
    const from = word ? word.from : context.pos;
    const typed = context.state.sliceDoc(from, context.pos);
    return {
      from,
      options: alternatives.map((a, i) => ({
        label: String(a.label ?? ''),
        apply: typed + String(a.insert ?? ''),
        type: a.kind === 'keyword' ? 'keyword' : a.kind === 'snippet' ? 'text' : a.kind || 'variable',
        detail: typeof a.confidence === 'number' ? `${Math.round(a.confidence * 100)}%` : undefined,
        boost: -i,
      })),
      filter: false,
    };
  };

  const plugin = ViewPlugin.fromClass(class {
    constructor(view) {
      this.view = view;
      this.timer = null;
      this.controller = null;
    }

    update(update) {
      const remoteChange = update.transactions.some((tr) => tr.docChanged && isRemote(tr));
      const localTyping = update.transactions.some((tr) => tr.docChanged && !isRemote(tr)
        && (tr.isUserEvent('input.type') || tr.isUserEvent('delete.backward')));
      if (remoteChange) {
        // Someone else changed the text: whatever was asked is out of date.
        this.cancel();
        if (!localTyping) return;
      }
      if (update.docChanged || update.selectionSet) this.cancel();
      if (localTyping) this.schedule();
    }

    cancel() {
      clearTimeout(this.timer);
      this.timer = null;
      if (this.controller) this.controller.abort();
      this.controller = null;
      seq++; // any answer still on its way is now stale
    }

    schedule() {
      this.timer = setTimeout(() => this.ask(), DEBOUNCE_MS);
    }

    async ask() {
      this.timer = null;
      const view = this.view;
      const state = view.state;
      const sel = state.selection;
      if (sel.ranges.length !== 1 || !sel.main.empty) return;
      this.controller = new AbortController();
      let entry;
      try {
        entry = await fetchFor(state, this.controller.signal);
      } catch {
        return; // offline, rate limited, aborted: no suggestion
      }
      if (!entry || !isCurrent(entry, view.state)) return;
      const { suggestion, confidence, alternatives } = entry.answer || {};
      if (typeof suggestion === 'string' && suggestion !== '' && confidence >= GHOST_MIN_CONFIDENCE) {
        view.dispatch({ effects: showGhost.of({ pos: entry.pos, text: suggestion }) });
      }
      if (confidence >= DROPDOWN_CONFIDENCE && Array.isArray(alternatives) && alternatives.length > 1) {
        startCompletion(view);
      }
    }

    destroy() {
      this.cancel();
    }
  });

  return [
    ghostField,
    plugin,
    autocompletion({ override: [completionSource], activateOnTyping: false, defaultKeymap: false, icons: true }),
    Prec.highest(keymap.of([
      { key: 'Tab', run: acceptGhost },
      { key: 'Escape', run: dismissGhost },
    ])),
    keymap.of(completionKeymap),
    EditorView.baseTheme({
      '.cm-ghost-text': { color: 'var(--ghost, #999)', opacity: '0.75', fontStyle: 'italic' },
    }),
  ];
}

export { ghostField };
