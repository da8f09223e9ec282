// The room view at /r/{roomId}: the shared editor with presence, language,
// connection state, copy-link, download and playback.

import { EditorState, Compartment } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { baseExtensions, editingExtensions, LanguageSlot } from './editor.js';
import { localChanges, applyRemoteOp, replaceDoc } from './binding.js';
import { presenceExtension, Presence } from './presence.js';
import { serverAutocomplete } from './autocomplete.js';
import { RoomSync } from './sync.js';
import { Connection } from './connection.js';
import { api } from './api.js';
import { h, toast } from './dom.js';
import { LANGUAGES, language as languageInfo, languageOptions } from './languages.js';
import { Playback } from './playback.js';
import { askName } from './landing.js';
import { nameFromUrl, storedName, rememberName } from './names.js';

const CURSOR_INTERVAL_MS = 80;
/** Unacknowledged edits older than this show in the indicator even while connected. */
const SLOW_ACK_MS = 1500;

export async function showRoom(root, roomId) {
  let name = nameFromUrl() || storedName();
  if (!name) {
    name = await askName(root, 'Join the room', 'Join');
    rememberName(name);
  }
  document.title = 'pairpad — room';

  // --- layout ---
  const languageSelect = h('select', { id: 'language', class: 'select', 'aria-label': 'Language of the room' },
    languageOptions('plaintext'));
  const status = h('span', { class: 'status status-connecting', id: 'connection-status', role: 'status', 'aria-live': 'polite' },
    h('span', { class: 'status-dot', 'aria-hidden': 'true' }), h('span', { class: 'status-text' }, 'Connecting…'));
  const copyButton = h('button', { type: 'button', class: 'button', id: 'copy-link', title: 'Copy the link to this room' }, 'Copy link');
  const downloadButton = h('button', { type: 'button', class: 'button', id: 'download', title: 'Download the code' }, 'Download');
  const historyButton = h('button', { type: 'button', class: 'button', id: 'history-toggle', 'aria-pressed': 'false', title: 'Replay the room’s history' }, 'History');
  const userList = h('ul', { class: 'user-list', id: 'users', 'aria-label': 'People in the room' });
  const userCount = h('p', { class: 'user-count', id: 'active-users' }, '1 person here');
  const editorHost = h('div', { class: 'editor-host', id: 'editor' });
  const playbackHost = h('div', { class: 'playback-host', id: 'playback', hidden: true });
  const nameButton = h('button', { type: 'button', class: 'link-button', id: 'change-name', title: 'Change your display name' }, 'Change name');

  root.replaceChildren(
    h('header', { class: 'topbar' },
      h('a', { href: '/', class: 'brand', 'aria-label': 'pairpad home' }, 'pairpad'),
      h('div', { class: 'toolbar' },
        h('label', { class: 'visually-hidden', for: 'language' }, 'Language'),
        languageSelect, copyButton, downloadButton, historyButton),
      status),
    h('main', { class: 'room' },
      h('section', { class: 'workspace', 'aria-label': 'Code' }, editorHost, playbackHost),
      h('aside', { class: 'sidebar', 'aria-label': 'Presence' },
        h('h2', { class: 'sidebar-title' }, 'In this room'),
        userCount, userList, nameButton,
        h('p', { class: 'hint' }, 'Tab accepts a suggestion, Esc dismisses it, Ctrl-Space lists more. Esc then Tab moves focus out of the editor.'))),
  );

  // --- editor ---
  const languageSlot = new LanguageSlot('plaintext');
  const editable = new Compartment();
  let sync;
  const view = new EditorView({
    parent: editorHost,
    state: EditorState.create({
      doc: '',
      extensions: [
        baseExtensions(),
        editingExtensions(),
        languageSlot.extension(),
        presenceExtension,
        serverAutocomplete({
          request: (code, cursorPosition, signal) => api.autocomplete(code, cursorPosition, languageSlot.id, signal),
        }),
        localChanges((op) => sync.localChange(op)),
        EditorView.updateListener.of((update) => {
          if (update.selectionSet || update.docChanged) scheduleCursor();
        }),
        EditorView.contentAttributes.of({ 'aria-label': 'Code editor' }),
        // Read-only until the server's text arrives: nothing typed before it could be placed.
        editable.of(EditorState.readOnly.of(true)),
      ],
    }),
  });

  const presence = new Presence(view, userList, userCount, { name });
  presence.render();

  // --- cursor: sent only with nothing unacknowledged, at most every CURSOR_INTERVAL_MS ---
  let cursorDirty = true;
  let cursorTimer = null;
  let lastCursor = null;
  function scheduleCursor() {
    cursorDirty = true;
    if (cursorTimer === null) cursorTimer = setTimeout(flushCursor, CURSOR_INTERVAL_MS);
  }
  function flushCursor() {
    cursorTimer = null;
    if (!cursorDirty || !sync.canSendCursor) return;
    const { anchor, head } = view.state.selection.main;
    const key = `${sync.revision}:${anchor}:${head}`;
    cursorDirty = false;
    if (key === lastCursor) return;
    if (sync.sendCursor(anchor, head)) lastCursor = key;
  }

  // --- session ---
  sync = new RoomSync({
    fetchHistory: async (since, limit) => (await api.history(roomId, since, limit)).operations,
    reset: (code) => replaceDoc(view, code),
    applyRemote: (op, clientId) => applyRemoteOp(view, op, clientId),
    onInit: (m) => {
      if (!m.reconnected) view.dispatch({ effects: editable.reconfigure([]) });
      setLanguage(m.language, false);
      presence.reset(m.users, (m.users || []).length + 1);
      lastCursor = null;
      scheduleCursor();
    },
    onCursor: (clientId, anchor, head) => presence.cursor(clientId, anchor, head),
    onUserJoined: (user, activeUsers) => presence.joined(user, activeUsers),
    onUserLeft: (clientId, activeUsers) => presence.left(clientId, activeUsers),
    onLanguage: (lang, clientId) => {
      setLanguage(lang, false);
      const who = presence.users.get(clientId);
      if (who) toast(`${who.name || 'Someone'} switched the language to ${languageInfo(lang).label}`);
    },
    onServerError: (m) => {
      if (m.error === 'room_not_found') showGone('This room does not exist.');
      else if (m.error === 'rate_limited') toast('Slow down a little: the server is rate limiting.', 'warn');
      else if (m.error !== 'invalid_op') toast(m.message || m.error, 'warn');
    },
    onStatus: () => {
      renderStatus();
      if (cursorDirty) scheduleCursor();
    },
    requestReconnect: () => connection.restart(),
  });

  const wsUrl = () => {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    return `${scheme}//${location.host}/ws/${encodeURIComponent(roomId)}?name=${encodeURIComponent(presence.self.name)}`;
  };
  const connection = new Connection({
    url: wsUrl,
    sync,
    onChange: () => renderStatus(),
    onFinal: (message) => showGone(message),
  });

  let unsentSince = 0;
  let slowTimer = null;
  function renderStatus() {
    const unsent = sync.unsentEdits;
    const suffix = unsent > 0 ? `, ${unsent} unsent edit${unsent === 1 ? '' : 's'}` : '';
    let kind = connection.state;
    let text;
    if (kind === 'connected' && !sync.connected) kind = 'reconnecting';
    if (unsent === 0) {
      unsentSince = 0;
    } else if (unsentSince === 0) {
      unsentSince = Date.now();
    }
    const slow = unsent > 0 && Date.now() - unsentSince >= SLOW_ACK_MS;
    if (unsent > 0 && !slow && slowTimer === null) {
      slowTimer = setTimeout(() => { slowTimer = null; renderStatus(); }, SLOW_ACK_MS);
    }
    switch (kind) {
      case 'connected':
        // Edits normally come back acknowledged within milliseconds; only a
        // slow server (say, its database is down) makes them worth showing.
        text = sync.syncing ? 'Syncing…' : slow ? `Connected, waiting for the server${suffix}` : 'Connected';
        if (slow) kind = 'slow';
        break;
      case 'connecting':
        text = 'Connecting…';
        break;
      case 'reconnecting':
        text = `Reconnecting${suffix}`;
        break;
      case 'offline':
        text = `Offline${suffix}`;
        break;
      default:
        text = 'Disconnected';
    }
    status.className = `status status-${kind}`;
    status.dataset.unsent = String(unsent);
    status.querySelector('.status-text').textContent = text;
  }

  function showGone(message) {
    connection.stop();
    view.dispatch({ effects: editable.reconfigure([EditorState.readOnly.of(true), EditorView.editable.of(false)]) });
    status.className = 'status status-closed';
    status.querySelector('.status-text').textContent = message;
    toast(message, 'error');
  }

  // --- language ---
  function setLanguage(lang, broadcast) {
    if (!LANGUAGES.some((l) => l.id === lang)) return;
    languageSelect.value = lang;
    languageSlot.set(view, lang);
    if (broadcast) sync.sendLanguage(lang);
  }
  languageSelect.addEventListener('change', () => setLanguage(languageSelect.value, true));

  // --- buttons ---
  copyButton.addEventListener('click', async () => {
    const link = `${location.origin}/r/${roomId}`;
    try {
      await navigator.clipboard.writeText(link);
    } catch {
      const field = h('input', { value: link, readonly: true, class: 'offscreen', 'aria-hidden': 'true' });
      document.body.appendChild(field);
      field.select();
      document.execCommand('copy');
      field.remove();
    }
    copyButton.textContent = 'Copied!';
    setTimeout(() => { copyButton.textContent = 'Copy link'; }, 1500);
  });

  downloadButton.addEventListener('click', () => {
    const ext = languageInfo(languageSlot.id).ext;
    const blob = new Blob([view.state.doc.toString()], { type: 'text/plain;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = h('a', { href: url, download: `pairpad-${roomId.slice(0, 8)}.${ext}`, class: 'offscreen' });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });

  nameButton.addEventListener('click', async () => {
    const next = await askName(document.body, 'Change your name', 'Save', presence.self.name);
    if (!next || next === presence.self.name) return;
    rememberName(next);
    presence.setSelfName(next);
    connection.restart(); // the name is given at connect
  });

  let playback = null;
  historyButton.addEventListener('click', () => {
    const opening = playbackHost.hidden;
    if (opening) {
      playback = new Playback(playbackHost, roomId, () => languageSlot.id, () => historyButton.click());
      playback.open();
    } else if (playback) {
      playback.close();
      playback = null;
    }
    playbackHost.hidden = !opening;
    editorHost.hidden = opening;
    historyButton.setAttribute('aria-pressed', String(opening));
    historyButton.textContent = opening ? 'Back to live' : 'History';
    if (!opening) view.focus();
  });

  connection.start();
  view.focus();
  // For debugging and browser tests: the live view and session.
  window.pairpad = { view, sync, connection, presence };
}
