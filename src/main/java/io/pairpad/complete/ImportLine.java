package io.pairpad.complete;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The cursor on an import line ({@code import a.b.}, {@code from a import b}): the names it may
 * still bring in are those used below it but nowhere before it and in none of the import lines
 * after it; and import blocks are usually sorted, so the line as completed should sort between
 * the import lines around it.
 */
final class ImportLine {
    /** Names offered: at most this many, the first used nearest below first. */
    static final int MAX_NAMES = 24;

    private final String typed;
    private final String prev;
    private final String next;
    private final Set<String> importedBelow = new HashSet<>();

    private ImportLine(String typed, String prev, String next) {
        this.typed = typed;
        this.prev = prev;
        this.next = next;
    }

    /** The import line at the cursor, or null if the cursor is not on one. */
    static ImportLine at(Document d) {
        if (!isImport(d, d.curLine)) {
            return null;
        }
        int from = d.tokens.start(firstSignificant(d, d.curLine));
        int upTo = d.cursor - d.prefix.length();
        if (upTo < from) {
            return null;
        }
        int p = neighbour(d, d.curLine, -1);
        int n = neighbour(d, d.curLine, 1);
        ImportLine il = new ImportLine(collapse(d.code.substring(from, upTo)), p < 0 ? null : lineText(d, p),
                n < 0 ? null : lineText(d, n));
        for (int l = d.curLine + 1; l < d.lines.count && (d.lines.indent[l] < 0 || isImport(d, l)); l++) {
            for (int i = d.lines.firstTok[l]; i < d.lines.endTok[l]; i++) {
                if (d.tokens.kind(i) == TokenKind.NAME) {
                    il.importedBelow.add(d.tokens.text(i));
                }
            }
        }
        return il;
    }

    /**
     * Names first used after the cursor's line (after: distance below, nearest first), not
     * before it (before) and not in the import lines below; only capitalised names (classes)
     * where a name is imported by its path (a dotted import outside Python).
     */
    List<String> newNames(Document d, NameDistances before, NameDistances after) {
        boolean classesOnly = !d.spec.indentBlocks && typed.endsWith(".");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < after.size() && out.size() < MAX_NAMES; i++) {
            String w = after.name(i);
            if (isNew(w, before) && !d.spec.isKeyword(w) && (!classesOnly || Character.isUpperCase(w.charAt(0)))) {
                out.add(w);
            }
        }
        return out;
    }

    boolean isNew(String w, NameDistances before) {
        return before.of(w) < 0 && !importedBelow.contains(w);
    }

    /** 1 if the line completed with token sorts between the import lines around it (those there are). */
    double inOrder(String token) {
        String line = typed + token;
        boolean afterPrev = prev == null || prev.compareTo(line) <= 0;
        boolean beforeNext = next == null || line.compareTo(next) <= 0 || next.startsWith(line);
        return afterPrev && beforeNext && (prev != null || next != null) ? 1 : 0;
    }

    private static boolean isImport(Document d, int line) {
        int i = firstSignificant(d, line);
        if (i < 0) {
            return false;
        }
        return d.tokens.textEquals(i, "import") || (d.spec.indentBlocks && d.tokens.textEquals(i, "from"));
    }

    private static int firstSignificant(Document d, int line) {
        for (int i = d.lines.firstTok[line]; i < d.lines.endTok[line]; i++) {
            if (!TokenKind.isTrivia(d.tokens.kind(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The nearest non-blank line before (step -1) or after (1) line, if it is an import line; else -1. */
    private static int neighbour(Document d, int line, int step) {
        for (int l = line + step; l >= 0 && l < d.lines.count; l += step) {
            if (d.lines.indent[l] >= 0) {
                return isImport(d, l) ? l : -1;
            }
        }
        return -1;
    }

    /** An import line's text from its first token, without its semicolon, spaces collapsed. */
    private static String lineText(Document d, int line) {
        int from = d.tokens.start(firstSignificant(d, line));
        String s = d.code.substring(from, d.lines.endOff[line]).strip();
        if (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1);
        }
        return collapse(s);
    }

    private static String collapse(String s) {
        return s.replaceAll("\\s+", " ");
    }
}
