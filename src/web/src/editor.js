// The CodeMirror 6 editor: its extensions, theme and language switching.
// The colours are CSS custom properties defined in app.css, so one theme
// follows the system's light or dark scheme.

import { EditorState, Compartment } from '@codemirror/state';
import {
  EditorView, keymap, lineNumbers, highlightActiveLineGutter, highlightSpecialChars,
  drawSelection, dropCursor, rectangularSelection, crosshairCursor, highlightActiveLine,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import {
  indentOnInput, syntaxHighlighting, bracketMatching, foldGutter, foldKeymap, HighlightStyle, indentUnit,
} from '@codemirror/language';
import { closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete';
import { searchKeymap, highlightSelectionMatches } from '@codemirror/search';
import { tags as t } from '@lezer/highlight';
import { languageMode } from './languages.js';

export const theme = EditorView.theme({
  '&': {
    color: 'var(--editor-fg)',
    backgroundColor: 'var(--editor-bg)',
    height: '100%',
    fontSize: 'var(--editor-font-size)',
  },
  '.cm-scroller': {
    fontFamily: 'var(--mono)',
    lineHeight: '1.55',
  },
  '.cm-content': { caretColor: 'var(--caret)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--caret)', borderLeftWidth: '2px' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': {
    backgroundColor: 'var(--selection)',
  },
  '.cm-gutters': {
    backgroundColor: 'var(--editor-bg)',
    color: 'var(--gutter-fg)',
    borderRight: '1px solid var(--border)',
  },
  '.cm-activeLine': { backgroundColor: 'var(--active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--active-line)', color: 'var(--editor-fg)' },
  '.cm-matchingBracket, &.cm-focused .cm-matchingBracket': {
    backgroundColor: 'var(--bracket-match)',
    outline: '1px solid var(--border-strong)',
  },
  '.cm-selectionMatch': { backgroundColor: 'var(--selection-match)' },
  '.cm-searchMatch': { backgroundColor: 'var(--search-match)' },
  '.cm-panels': { backgroundColor: 'var(--panel-bg)', color: 'var(--fg)' },
  '.cm-panels.cm-panels-bottom': { borderTop: '1px solid var(--border)' },
  '.cm-tooltip': {
    backgroundColor: 'var(--panel-bg)',
    color: 'var(--fg)',
    border: '1px solid var(--border-strong)',
    borderRadius: '6px',
    boxShadow: 'var(--shadow)',
  },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': {
    backgroundColor: 'var(--accent)',
    color: 'var(--accent-fg)',
  },
  '.cm-foldPlaceholder': { backgroundColor: 'var(--panel-bg)', border: '1px solid var(--border)', color: 'var(--muted)' },
  '.cm-specialChar': { color: 'var(--danger)' },
});

export const highlightStyle = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.moduleKeyword, t.operatorKeyword, t.definitionKeyword], color: 'var(--tok-keyword)' },
  { tag: [t.string, t.special(t.string), t.character], color: 'var(--tok-string)' },
  { tag: [t.regexp, t.escape], color: 'var(--tok-regexp)' },
  { tag: [t.number, t.bool, t.null, t.atom], color: 'var(--tok-number)' },
  { tag: [t.comment, t.lineComment, t.blockComment, t.docComment], color: 'var(--tok-comment)', fontStyle: 'italic' },
  { tag: [t.function(t.variableName), t.function(t.propertyName), t.macroName], color: 'var(--tok-function)' },
  { tag: [t.definition(t.variableName), t.definition(t.function(t.variableName))], color: 'var(--tok-definition)' },
  { tag: [t.typeName, t.className, t.namespace, t.standard(t.typeName)], color: 'var(--tok-type)' },
  { tag: [t.propertyName, t.attributeName], color: 'var(--tok-property)' },
  { tag: [t.operator, t.punctuation, t.bracket], color: 'var(--tok-operator)' },
  { tag: [t.meta, t.annotation, t.processingInstruction], color: 'var(--tok-meta)' },
  { tag: [t.tagName], color: 'var(--tok-keyword)' },
  { tag: t.invalid, color: 'var(--danger)' },
  { tag: t.heading, fontWeight: 'bold' },
  { tag: t.emphasis, fontStyle: 'italic' },
  { tag: t.strong, fontWeight: 'bold' },
  { tag: t.link, textDecoration: 'underline' },
]);

/** Extensions common to the live editor and the playback viewer. */
export function baseExtensions() {
  return [
    // "\n" alone separates lines, so editor offsets are the protocol's UTF-16 offsets
    // even when the text holds "\r".
    EditorState.lineSeparator.of('\n'),
    lineNumbers(),
    highlightSpecialChars(),
    foldGutter(),
    drawSelection(),
    syntaxHighlighting(highlightStyle),
    bracketMatching(),
    highlightActiveLineGutter(),
    highlightActiveLine(),
    indentUnit.of('    '),
    theme,
  ];
}

/** Extensions of the live, editable editor. */
export function editingExtensions() {
  return [
    history(),
    dropCursor(),
    EditorState.allowMultipleSelections.of(true),
    indentOnInput(),
    closeBrackets(),
    rectangularSelection(),
    crosshairCursor(),
    highlightSelectionMatches(),
    keymap.of([
      ...closeBracketsKeymap,
      ...defaultKeymap,
      ...searchKeymap,
      ...historyKeymap,
      ...foldKeymap,
      indentWithTab,
    ]),
  ];
}

/** A compartment holding the language mode, switched with `setLanguage`. */
export class LanguageSlot {
  constructor(id) {
    this.compartment = new Compartment();
    this.id = id;
  }

  extension() {
    return this.compartment.of(languageMode(this.id));
  }

  set(view, id) {
    if (id === this.id) return;
    this.id = id;
    view.dispatch({ effects: this.compartment.reconfigure(languageMode(id)) });
  }
}
