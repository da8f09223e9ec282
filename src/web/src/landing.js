// The landing view: create a room in a language, or join one by link or id.

import { api, parseRoomId } from './api.js';
import { h } from './dom.js';
import { LANGUAGES, languageOptions } from './languages.js';
import { storedName, rememberName, cleanName, nameFromUrl, MAX_NAME } from './names.js';

export function showLanding(root) {
  document.title = 'pairpad — code together';
  const nameInput = h('input', {
    id: 'display-name', class: 'input', type: 'text', maxlength: String(MAX_NAME), autocomplete: 'nickname',
    placeholder: 'Ada Lovelace', value: nameFromUrl() || storedName(), required: true,
  });
  const languageSelect = h('select', { id: 'new-language', class: 'select' }, languageOptions('python'));
  const createButton = h('button', { type: 'submit', class: 'button button-primary', id: 'create-room' }, 'Create a room');
  const joinInput = h('input', {
    id: 'join-link', class: 'input', type: 'text', placeholder: 'Paste a room link or id', autocomplete: 'off', spellcheck: 'false',
  });
  const joinButton = h('button', { type: 'submit', class: 'button', id: 'join-room' }, 'Join');
  const message = h('p', { class: 'form-message', id: 'landing-message', role: 'alert' });

  const requireName = () => {
    const name = cleanName(nameInput.value);
    if (!name) {
      message.textContent = 'Please enter a display name first.';
      nameInput.focus();
      return null;
    }
    rememberName(name);
    return name;
  };

  const createForm = h('form', { class: 'card', id: 'create-form', 'aria-labelledby': 'create-title' },
    h('h2', { id: 'create-title' }, 'Start a new pad'),
    h('label', { for: 'new-language' }, 'Language'),
    languageSelect,
    createButton);
  createForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!requireName()) return;
    createButton.disabled = true;
    message.textContent = '';
    try {
      const room = await api.createRoom(languageSelect.value);
      location.assign(`/r/${room.roomId}`);
    } catch (err) {
      message.textContent = err.status === 429
        ? 'Too many rooms created from here just now; try again in a minute.'
        : `Could not create the room: ${err.message}`;
      createButton.disabled = false;
    }
  });

  const joinForm = h('form', { class: 'card', id: 'join-form', 'aria-labelledby': 'join-title' },
    h('h2', { id: 'join-title' }, 'Join a pad'),
    h('label', { for: 'join-link' }, 'Room link or id'),
    joinInput,
    joinButton);
  joinForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const id = parseRoomId(joinInput.value);
    if (!id) {
      message.textContent = 'That is not a room link: it should contain an id like 3f2c8a3e-…';
      joinInput.focus();
      return;
    }
    if (!requireName()) return;
    location.assign(`/r/${id}`);
  });

  root.replaceChildren(
    h('header', { class: 'topbar' }, h('a', { href: '/', class: 'brand' }, 'pairpad')),
    h('main', { class: 'landing' },
      h('section', { class: 'hero' },
        h('h1', null, 'Code together, in real time.'),
        h('p', { class: 'lead' }, 'Open a pad, share its link, and see each other type: cursors, highlighting for ',
          `${LANGUAGES.length - 1} languages`, ', autocomplete and a replay of everything that happened.')),
      h('div', { class: 'name-row' },
        h('label', { for: 'display-name' }, 'Your display name'),
        nameInput),
      h('div', { class: 'cards' }, createForm, joinForm),
      message),
  );
  nameInput.focus();
}

/** Asks for a display name in a modal dialog; resolves with the cleaned name. */
export function askName(parent, title, action, initial = '') {
  return new Promise((resolve) => {
    const input = h('input', {
      id: 'name-prompt-input', class: 'input', type: 'text', maxlength: String(MAX_NAME),
      autocomplete: 'nickname', value: initial, required: true,
    });
    const error = h('p', { class: 'form-message', role: 'alert' });
    const form = h('form', { method: 'dialog', class: 'dialog-body' },
      h('h2', { id: 'name-prompt-title' }, title),
      h('label', { for: 'name-prompt-input' }, 'Display name (shown to the others in the room)'),
      input, error,
      h('div', { class: 'dialog-actions' }, h('button', { type: 'submit', class: 'button button-primary', id: 'name-prompt-ok' }, action)));
    const dialog = h('dialog', { class: 'dialog', id: 'name-prompt', 'aria-labelledby': 'name-prompt-title' }, form);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const name = cleanName(input.value);
      if (!name) {
        error.textContent = 'Please enter a name.';
        return;
      }
      dialog.close();
      dialog.remove();
      resolve(name);
    });
    dialog.addEventListener('cancel', (event) => {
      if (!initial) event.preventDefault(); // a name is needed to join
      else resolve(null);
    });
    parent.appendChild(dialog);
    dialog.showModal();
    input.focus();
  });
}
