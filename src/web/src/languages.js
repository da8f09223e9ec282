// The languages a room may be in (the server's list), with their editor
// modes and file extensions.

import { StreamLanguage } from '@codemirror/language';
import { python } from '@codemirror/lang-python';
import { javascript } from '@codemirror/lang-javascript';
import { java } from '@codemirror/lang-java';
import { go } from '@codemirror/lang-go';
import { cpp } from '@codemirror/lang-cpp';
import { rust } from '@codemirror/lang-rust';
import { php } from '@codemirror/lang-php';
import { sql } from '@codemirror/lang-sql';
import { csharp } from '@replit/codemirror-lang-csharp';
import { ruby } from '@codemirror/legacy-modes/mode/ruby';
import { kotlin } from '@codemirror/legacy-modes/mode/clike';

export const LANGUAGES = [
  { id: 'python', label: 'Python', ext: 'py', mode: () => python() },
  { id: 'javascript', label: 'JavaScript', ext: 'js', mode: () => javascript() },
  { id: 'typescript', label: 'TypeScript', ext: 'ts', mode: () => javascript({ typescript: true }) },
  { id: 'java', label: 'Java', ext: 'java', mode: () => java() },
  { id: 'go', label: 'Go', ext: 'go', mode: () => go() },
  { id: 'c', label: 'C', ext: 'c', mode: () => cpp() },
  { id: 'cpp', label: 'C++', ext: 'cpp', mode: () => cpp() },
  { id: 'csharp', label: 'C#', ext: 'cs', mode: () => csharp() },
  { id: 'rust', label: 'Rust', ext: 'rs', mode: () => rust() },
  { id: 'ruby', label: 'Ruby', ext: 'rb', mode: () => StreamLanguage.define(ruby) },
  { id: 'kotlin', label: 'Kotlin', ext: 'kt', mode: () => StreamLanguage.define(kotlin) },
  { id: 'php', label: 'PHP', ext: 'php', mode: () => php() },
  { id: 'sql', label: 'SQL', ext: 'sql', mode: () => sql() },
  { id: 'plaintext', label: 'Plain text', ext: 'txt', mode: () => [] },
];

const byId = new Map(LANGUAGES.map((l) => [l.id, l]));

export function language(id) {
  return byId.get(id) || byId.get('plaintext');
}

const modeCache = new Map();

/** The CodeMirror extension highlighting `id` (made once per language). */
export function languageMode(id) {
  const lang = language(id);
  if (!modeCache.has(lang.id)) modeCache.set(lang.id, lang.mode());
  return modeCache.get(lang.id);
}

export function languageOptions(selected) {
  return LANGUAGES.map((l) => {
    const option = document.createElement('option');
    option.value = l.id;
    option.textContent = l.label;
    option.selected = l.id === selected;
    return option;
  });
}
