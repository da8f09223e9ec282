// Small DOM helpers. Text always goes in through textContent: names, labels
// and code come from other people and are never parsed as HTML.

/**
 * h('button', {class: 'x', onclick: f, 'aria-label': 'Copy'}, 'text', child)
 * Properties starting with "on" become event listeners; strings and numbers
 * among the children become text nodes.
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      el.className = value;
    } else if (key === 'text') {
      el.textContent = value;
    } else if (key in el && typeof value !== 'string') {
      el[key] = value;
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

/** Sets a user's colour on an element as a CSS custom property (CSSOM, allowed by the CSP). */
export function setUserColor(el, color) {
  el.style.setProperty('--user-color', safeColor(color));
}

/** Accepts #rgb/#rrggbb/#rrggbbaa and rgb()/hsl() colours; anything else becomes grey. */
export function safeColor(color) {
  if (typeof color === 'string' && /^(#[0-9a-fA-F]{3,8}|(rgb|hsl)a?\([0-9.,%\s]+\))$/.test(color.trim())) {
    return color.trim();
  }
  return '#888888';
}

/** A stable colour for a name, for places where the server gave none (playback). */
export function colorForName(name) {
  let hash = 0;
  for (const ch of String(name)) hash = (hash * 31 + ch.codePointAt(0)) >>> 0;
  return `hsl(${hash % 360}, 65%, 45%)`;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/** Announces a short message to screen readers and shows it as a toast. */
export function toast(message, kind = 'info') {
  let box = document.getElementById('toasts');
  if (!box) {
    box = h('div', { id: 'toasts', class: 'toasts', role: 'status', 'aria-live': 'polite' });
    document.body.appendChild(box);
  }
  const item = h('div', { class: `toast toast-${kind}` }, message);
  box.appendChild(item);
  setTimeout(() => item.remove(), 4000);
}
