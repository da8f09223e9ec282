// Presence: the other people in the room, their cursors and selections drawn
// in their colour with a name label, and the list of who is here.

import { StateField, StateEffect, RangeSetBuilder } from '@codemirror/state';
import { EditorView, Decoration, WidgetType } from '@codemirror/view';
import { remote } from './binding.js';
import { h, clear, setUserColor, safeColor } from './dom.js';

const setPeer = StateEffect.define(); // {clientId, name, color}
const removePeer = StateEffect.define(); // clientId
const setPeerCursor = StateEffect.define(); // {clientId, anchor, head}
const clearPeers = StateEffect.define();

class CaretWidget extends WidgetType {
  constructor(name, color) {
    super();
    this.name = name;
    this.color = color;
  }

  eq(other) {
    return other.name === this.name && other.color === this.color;
  }

  toDOM() {
    const caret = h('span', { class: 'cm-remote-caret', 'aria-hidden': 'true' },
      h('span', { class: 'cm-remote-label' }, this.name));
    setUserColor(caret, this.color);
    return caret;
  }

  ignoreEvent() {
    return true;
  }
}

function clampPos(pos, length) {
  return Math.max(0, Math.min(length, Number.isInteger(pos) ? pos : 0));
}

const peersField = StateField.define({
  create() {
    return new Map(); // clientId -> {name, color, anchor, head}
  },
  update(peers, tr) {
    let next = peers;
    const copy = () => {
      if (next === peers) next = new Map(peers);
      return next;
    };
    if (tr.docChanged) {
      // A peer's own typing carries its cursor along; others' edits at the
      // same place leave it before the new text.
      const author = tr.annotation(remote);
      for (const [id, p] of peers) {
        if (p.anchor === undefined) continue;
        const assoc = author === id ? 1 : -1;
        copy().set(id, { ...p, anchor: tr.changes.mapPos(p.anchor, assoc), head: tr.changes.mapPos(p.head, assoc) });
      }
    }
    for (const effect of tr.effects) {
      if (effect.is(clearPeers)) {
        next = new Map();
      } else if (effect.is(setPeer)) {
        const { clientId, name, color } = effect.value;
        copy().set(clientId, { ...(next.get(clientId) || {}), name, color });
      } else if (effect.is(removePeer)) {
        copy().delete(effect.value);
      } else if (effect.is(setPeerCursor)) {
        const { clientId, anchor, head } = effect.value;
        const len = tr.state.doc.length;
        const p = next.get(clientId) || { name: '…', color: '#888888' };
        copy().set(clientId, { ...p, anchor: clampPos(anchor, len), head: clampPos(head, len) });
      }
    }
    return next;
  },
  provide: (field) => EditorView.decorations.compute([field], (state) => {
    const ranges = [];
    for (const [id, p] of state.field(field)) {
      if (p.anchor === undefined) continue;
      const color = safeColor(p.color);
      const from = Math.min(p.anchor, p.head);
      const to = Math.max(p.anchor, p.head);
      if (from < to) {
        ranges.push({
          from, to, side: 0,
          deco: Decoration.mark({
            class: 'cm-remote-selection',
            attributes: { style: `--user-color: ${color}`, 'data-client': id },
          }),
        });
      }
      ranges.push({
        from: p.head, to: p.head, side: 1,
        deco: Decoration.widget({ widget: new CaretWidget(p.name || 'Anonymous', color), side: 1 }),
      });
    }
    ranges.sort((a, b) => a.from - b.from || a.side - b.side);
    const builder = new RangeSetBuilder();
    for (const r of ranges) builder.add(r.from, r.to, r.deco);
    return builder.finish();
  }),
});

export const presenceExtension = [peersField, EditorView.baseTheme({
  '.cm-remote-caret': {
    position: 'relative',
    borderLeft: '2px solid var(--user-color)',
    marginLeft: '-1px',
    marginRight: '-1px',
    pointerEvents: 'none',
  },
  '.cm-remote-label': {
    position: 'absolute',
    bottom: '100%',
    left: '-2px',
    padding: '0 4px',
    borderRadius: '3px 3px 3px 0',
    backgroundColor: 'var(--user-color)',
    color: '#fff',
    font: '600 11px/16px var(--sans, sans-serif)',
    whiteSpace: 'nowrap',
    zIndex: '5',
    userSelect: 'none',
  },
  '.cm-line:first-child .cm-remote-label': { bottom: 'auto', top: '100%', borderRadius: '0 3px 3px 3px' },
  '.cm-remote-selection': {
    backgroundColor: 'color-mix(in srgb, var(--user-color) 28%, transparent)',
  },
})];

/** Keeps the peers in the editor and the presence list in step. */
export class Presence {
  constructor(view, listEl, countEl, self) {
    this.view = view;
    this.listEl = listEl;
    this.countEl = countEl;
    this.self = self; // {name}
    this.users = new Map(); // clientId -> {name, color}
    this.activeUsers = 1;
  }

  /** The users of an init message (the others in the room). */
  reset(users, activeUsers) {
    this.users = new Map();
    const effects = [clearPeers.of(null)];
    for (const u of users) {
      this.users.set(u.clientId, { name: u.name, color: u.color });
      effects.push(setPeer.of({ clientId: u.clientId, name: u.name, color: u.color }));
      if (Number.isInteger(u.anchor) && Number.isInteger(u.head)) {
        effects.push(setPeerCursor.of({ clientId: u.clientId, anchor: u.anchor, head: u.head }));
      }
    }
    this.view.dispatch({ effects });
    this.activeUsers = activeUsers ?? users.length + 1;
    this.render();
  }

  joined(user, activeUsers) {
    this.users.set(user.clientId, { name: user.name, color: user.color });
    const effects = [setPeer.of({ clientId: user.clientId, name: user.name, color: user.color })];
    if (Number.isInteger(user.anchor) && Number.isInteger(user.head)) {
      effects.push(setPeerCursor.of({ clientId: user.clientId, anchor: user.anchor, head: user.head }));
    }
    this.view.dispatch({ effects });
    if (Number.isInteger(activeUsers)) this.activeUsers = activeUsers;
    this.render();
  }

  left(clientId, activeUsers) {
    this.users.delete(clientId);
    this.view.dispatch({ effects: removePeer.of(clientId) });
    if (Number.isInteger(activeUsers)) this.activeUsers = activeUsers;
    this.render();
  }

  cursor(clientId, anchor, head) {
    if (!this.users.has(clientId)) return;
    this.view.dispatch({ effects: setPeerCursor.of({ clientId, anchor, head }) });
  }

  setSelfName(name) {
    this.self.name = name;
    this.render();
  }

  render() {
    clear(this.listEl);
    const me = h('li', { class: 'user user-self' },
      h('span', { class: 'swatch swatch-self', 'aria-hidden': 'true' }),
      h('span', { class: 'user-name' }, this.self.name || 'You'),
      h('span', { class: 'user-you' }, '(you)'));
    this.listEl.appendChild(me);
    for (const [id, u] of this.users) {
      const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
      setUserColor(swatch, u.color);
      const item = h('li', { class: 'user', 'data-client': id }, swatch, h('span', { class: 'user-name' }, u.name || 'Anonymous'));
      this.listEl.appendChild(item);
    }
    this.countEl.textContent = `${this.activeUsers} ${this.activeUsers === 1 ? 'person' : 'people'} here`;
  }
}
