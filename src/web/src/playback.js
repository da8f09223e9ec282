// Playback: replays the room from revision 0 to now, read-only, with a
// slider, play and pause, a speed control, and who changed what and when.
// It reads GET /api/rooms/{id}/code?revision=0 and the operations from
// GET /api/rooms/{id}/history, and computes every revision in the page.

import { EditorState, StateField, StateEffect } from '@codemirror/state';
import { EditorView, Decoration, WidgetType } from '@codemirror/view';
import { baseExtensions } from './editor.js';
import { languageMode } from './languages.js';
import { TextOperation } from './text-operation.js';
import { api } from './api.js';
import { h, clear, colorForName, setUserColor } from './dom.js';

const PAGE = 500;
const CHECKPOINT_EVERY = 100;
const SPEEDS = [
  { id: 'real', label: 'Real time' },
  { id: '5', label: '5 edits/s' },
  { id: '20', label: '20 edits/s' },
  { id: '60', label: '60 edits/s' },
  { id: '250', label: '250 edits/s' },
];

const setMarks = StateEffect.define();
const marksField = StateField.define({
  create: () => Decoration.none,
  update(marks, tr) {
    for (const e of tr.effects) if (e.is(setMarks)) return e.value;
    return tr.docChanged ? Decoration.none : marks;
  },
  provide: (f) => EditorView.decorations.from(f),
});

/** The inserted ranges of `op` in the text after it, and where it deleted. */
export function changedRanges(op) {
  const inserted = [];
  const deletedAt = [];
  let pos = 0;
  for (const part of op.ops) {
    if (typeof part === 'string') {
      inserted.push([pos, pos + part.length]);
      pos += part.length;
    } else if (part > 0) {
      pos += part;
    } else if (deletedAt[deletedAt.length - 1] !== pos) {
      deletedAt.push(pos);
    }
  }
  return { inserted, deletedAt };
}

function formatTime(at) {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

export class Playback {
  constructor(host, roomId, getLanguage, onClose) {
    this.host = host;
    this.roomId = roomId;
    this.getLanguage = getLanguage;
    this.onClose = onClose;
    this.base = null; // the text at revision 0
    this.entries = []; // entries[i] is revision i + 1: {op, clientId, name, at}
    this.checkpoints = new Map(); // revision -> text
    this.revision = 0;
    this.timer = null;
    this.loading = null;
    this.closed = false;
  }

  open() {
    this.playButton = h('button', { type: 'button', class: 'button button-primary', id: 'playback-play', 'aria-label': 'Play' }, '▶ Play');
    this.slider = h('input', {
      type: 'range', id: 'playback-slider', class: 'slider', min: '0', max: '0', value: '0', step: '1',
      'aria-label': 'Revision to show', disabled: true,
    });
    this.speedSelect = h('select', { id: 'playback-speed', class: 'select', 'aria-label': 'Playback speed' },
      SPEEDS.map((s) => h('option', { value: s.id, selected: s.id === '20' }, s.label)));
    this.info = h('div', { class: 'playback-info', id: 'playback-info', 'aria-live': 'polite' }, 'Loading the history…');
    this.authors = h('ul', { class: 'playback-authors', 'aria-label': 'Who edited' });
    const viewerHost = h('div', { class: 'playback-editor', id: 'playback-editor' });
    const close = h('button', { type: 'button', class: 'button', id: 'playback-close' }, 'Back to live');

    clear(this.host);
    this.host.append(
      h('div', { class: 'playback-bar', role: 'group', 'aria-label': 'Playback' },
        this.playButton,
        h('button', { type: 'button', class: 'button icon-button', id: 'playback-prev', 'aria-label': 'Previous revision', onclick: () => this.step(-1) }, '◀'),
        h('button', { type: 'button', class: 'button icon-button', id: 'playback-next', 'aria-label': 'Next revision', onclick: () => this.step(1) }, '▶'),
        this.slider,
        h('label', { class: 'visually-hidden', for: 'playback-speed' }, 'Speed'),
        this.speedSelect,
        close),
      this.info,
      this.authors,
      viewerHost,
    );

    this.viewer = new EditorView({
      parent: viewerHost,
      state: EditorState.create({
        doc: '',
        extensions: [
          baseExtensions(),
          languageMode(this.getLanguage()),
          EditorState.readOnly.of(true),
          EditorView.editable.of(false),
          marksField,
          EditorView.contentAttributes.of({ 'aria-label': 'Code at the chosen revision (read-only)' }),
        ],
      }),
    });

    this.playButton.addEventListener('click', () => (this.timer ? this.pause() : this.play()));
    this.slider.addEventListener('input', () => {
      this.pause();
      this.seek(Number(this.slider.value));
    });
    this.speedSelect.addEventListener('change', () => {
      if (this.timer) {
        this.pause();
        this.play();
      }
    });
    close.addEventListener('click', () => this.onClose());
    this.host.addEventListener('keydown', (event) => {
      if (event.target === this.slider) return;
      if (event.key === ' ' && event.target === this.viewer.contentDOM) {
        event.preventDefault();
        this.playButton.click();
      }
    });

    this.load().catch((err) => {
      this.info.textContent = `Could not load the history: ${err.message}`;
    });
  }

  close() {
    this.closed = true;
    this.pause();
    if (this.viewer) this.viewer.destroy();
    clear(this.host);
  }

  get latest() {
    return this.entries.length;
  }

  async load() {
    if (this.base === null) {
      const first = await api.codeAt(this.roomId, 0);
      this.base = first.code;
      this.checkpoints.set(0, this.base);
    }
    await this.loadMore();
    if (this.closed) return;
    this.slider.disabled = false;
    this.seek(this.latest);
    this.slider.focus();
  }

  /** Fetches the operations after the latest loaded one; returns how many came. */
  async loadMore() {
    if (this.loading) return this.loading;
    this.loading = (async () => {
      let added = 0;
      for (;;) {
        const since = this.latest;
        const page = (await api.history(this.roomId, since, PAGE)).operations || [];
        let count = 0;
        for (const entry of page) {
          if (entry.revision !== this.latest + 1) continue;
          this.entries.push({
            op: TextOperation.fromJSON(entry.op),
            clientId: entry.clientId,
            name: entry.name || 'Anonymous',
            at: entry.at,
          });
          count++;
        }
        added += count;
        if (count === 0 || page.length < PAGE || this.closed) break;
      }
      this.slider.max = String(this.latest);
      this.renderAuthors();
      return added;
    })();
    try {
      return await this.loading;
    } finally {
      this.loading = null;
    }
  }

  textAt(revision) {
    let from = revision - (revision % CHECKPOINT_EVERY);
    while (!this.checkpoints.has(from)) from -= CHECKPOINT_EVERY;
    let text = this.checkpoints.get(from);
    for (let r = from + 1; r <= revision; r++) {
      text = this.entries[r - 1].op.apply(text);
      if (r % CHECKPOINT_EVERY === 0) this.checkpoints.set(r, text);
    }
    return text;
  }

  seek(revision) {
    revision = Math.max(0, Math.min(this.latest, revision));
    this.revision = revision;
    const text = this.textAt(revision);
    const entry = revision > 0 ? this.entries[revision - 1] : null;
    this.viewer.dispatch({ changes: { from: 0, to: this.viewer.state.doc.length, insert: text } });
    if (entry) {
      const { inserted, deletedAt } = changedRanges(entry.op);
      const marks = [
        ...inserted.map(([a, b]) => Decoration.mark({ class: 'cm-playback-inserted' }).range(a, b)),
        ...deletedAt.map((p) => Decoration.widget({ widget: new DeletionMark(), side: 1 }).range(p)),
      ].sort((x, y) => x.from - y.from);
      const effects = [setMarks.of(Decoration.set(marks, true))];
      const focus = inserted.length ? inserted[0][0] : deletedAt[0];
      if (focus !== undefined) effects.push(EditorView.scrollIntoView(focus, { y: 'center' }));
      this.viewer.dispatch({ effects });
    }
    this.slider.value = String(revision);
    this.slider.setAttribute('aria-valuetext', `Revision ${revision} of ${this.latest}`);
    this.renderInfo(entry);
  }

  renderInfo(entry) {
    clear(this.info);
    this.info.append(h('strong', null, `Revision ${this.revision} of ${this.latest}`));
    if (!entry) {
      this.info.append(' · the room as it was created');
      return;
    }
    const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
    setUserColor(swatch, colorForName(entry.name));
    const { inserted, deletedAt } = changedRanges(entry.op);
    const what = [];
    const chars = inserted.reduce((n, [a, b]) => n + b - a, 0);
    if (chars) what.push(`typed ${chars} character${chars === 1 ? '' : 's'}`);
    const deleted = entry.op.baseLength - (entry.op.targetLength - chars);
    if (deleted > 0 || deletedAt.length) what.push(`deleted ${deleted} character${deleted === 1 ? '' : 's'}`);
    this.info.append(' · ', swatch, h('span', { class: 'playback-author' }, entry.name),
      ` ${what.join(' and ') || 'changed nothing'}`,
      entry.at ? h('time', { datetime: entry.at }, ` · ${formatTime(entry.at)}`) : '');
  }

  renderAuthors() {
    const counts = new Map();
    for (const e of this.entries) counts.set(e.name, (counts.get(e.name) || 0) + 1);
    clear(this.authors);
    for (const [name, count] of counts) {
      const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
      setUserColor(swatch, colorForName(name));
      this.authors.append(h('li', null, swatch, h('span', null, name), h('span', { class: 'muted' }, ` ${count} edit${count === 1 ? '' : 's'}`)));
    }
  }

  step(delta) {
    this.pause();
    this.seek(this.revision + delta);
  }

  delayToNext() {
    const speed = this.speedSelect.value;
    if (speed !== 'real') return 1000 / Number(speed);
    const current = this.entries[this.revision - 1];
    const next = this.entries[this.revision];
    if (!current || !next) return 100;
    const gap = new Date(next.at) - new Date(current.at);
    return Number.isFinite(gap) ? Math.max(16, Math.min(2000, gap)) : 100;
  }

  play() {
    if (this.revision >= this.latest) this.seek(0);
    this.playButton.textContent = '❚❚ Pause';
    this.playButton.setAttribute('aria-label', 'Pause');
    const tick = async () => {
      if (this.revision >= this.latest) {
        // Reached the end: fetch what happened since, else stop.
        const added = await this.loadMore().catch(() => 0);
        if (!this.timer) return;
        if (added === 0) {
          this.pause();
          return;
        }
      }
      this.seek(this.revision + 1);
      this.timer = setTimeout(tick, this.delayToNext());
    };
    this.timer = setTimeout(tick, this.delayToNext());
  }

  pause() {
    clearTimeout(this.timer);
    this.timer = null;
    if (this.playButton) {
      this.playButton.textContent = '▶ Play';
      this.playButton.setAttribute('aria-label', 'Play');
    }
  }
}

class DeletionMark extends WidgetType {
  toDOM() {
    return h('span', { class: 'cm-playback-deleted', 'aria-hidden': 'true' });
  }
}
