// The display name: from ?name=, else remembered in localStorage.

const KEY = 'pairpad.name';
export const MAX_NAME = 40;

export function cleanName(name) {
  return String(name || '').replace(/\s+/g, ' ').trim().slice(0, MAX_NAME);
}

export function storedName() {
  try {
    return cleanName(localStorage.getItem(KEY));
  } catch {
    return '';
  }
}

export function rememberName(name) {
  try {
    localStorage.setItem(KEY, cleanName(name));
  } catch {
    // private mode: the name lasts for this page only
  }
}

/** The name given in the URL (?name=Ada), which skips the prompt. */
export function nameFromUrl(search = location.search) {
  return cleanName(new URLSearchParams(search).get('name'));
}
