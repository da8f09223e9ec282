package io.pairpad.complete;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The classes declared in one document and their members: for Python the block under a
 * {@code class} line (its {@code def}s and assignments at the body's indentation, and every
 * {@code self.NAME} or {@code cls.NAME} in it); for brace languages the body between the class's
 * braces (its methods, fields and enum constants at the body's depth, and every {@code this.NAME}
 * in it). Members of base classes declared in the document are included.
 */
final class ClassIndex {
    /** A member is a method (a def, or a name followed by a parameter list) or else a field. */
    static final int FIELD = 1;
    static final int METHOD = 2;
    private static final int MAX_BASE_DEPTH = 3;
    private static final List<String> PYTHON_CLASS_WORDS = List.of("class");
    private static final List<String> BRACE_CLASS_WORDS = List.of("class", "interface", "enum", "record");

    /** One class: the token of its name, the token range of its body, and its bases' names. */
    record Decl(int name, int bodyFrom, int bodyTo, List<String> bases) {
    }

    private final Document d;
    private final Tokens t;
    private Map<String, Decl> byName;

    ClassIndex(Document d) {
        this.d = d;
        this.t = d.tokens;
    }

    /** The class declared with this name, or null. */
    Decl named(String name) {
        if (byName == null) {
            byName = new HashMap<>();
            // searching the text is far quicker than comparing every token
            for (String word : d.spec.indentBlocks ? PYTHON_CLASS_WORDS : BRACE_CLASS_WORDS) {
                for (int off = t.src.indexOf(word); off >= 0; off = t.src.indexOf(word, off + 1)) {
                    int i = t.indexAt(off + 1);
                    if (i >= 0 && t.start(i) == off && t.kind(i) == TokenKind.NAME && t.textEquals(i, word)) {
                        int n = nextSignificant(i + 1);
                        if (n >= 0 && t.kind(n) == TokenKind.NAME) {
                            byName.putIfAbsent(t.text(n), declAt(n));
                        }
                    }
                }
            }
        }
        return byName.get(name);
    }

    /** The innermost class whose body holds token index at, or null. */
    Decl enclosing(int at) {
        return d.spec.indentBlocks ? enclosingByIndent() : enclosingByBraces(at);
    }

    /** Name to FIELD or METHOD for the members of c and of its bases declared in the document. */
    Map<String, Integer> members(Decl c) {
        Map<String, Integer> out = new LinkedHashMap<>();
        addMembers(c, out, 0);
        return out;
    }

    private void addMembers(Decl c, Map<String, Integer> out, int depth) {
        if (d.spec.indentBlocks) {
            indentMembers(c, out);
        } else {
            braceMembers(c, out);
        }
        if (depth < MAX_BASE_DEPTH) {
            for (String b : c.bases()) {
                Decl base = named(b);
                if (base != null && base.name() != c.name()) {
                    addMembers(base, out, depth + 1);
                }
            }
        }
    }

    private boolean isClassWord(int i) {
        for (String w : d.spec.indentBlocks ? PYTHON_CLASS_WORDS : BRACE_CLASS_WORDS) {
            if (t.textEquals(i, w)) {
                return true;
            }
        }
        return false;
    }

    private Decl declAt(int name) {
        List<String> bases = new ArrayList<>();
        int end = t.size();
        if (d.spec.indentBlocks) {
            int line = d.lines.lineOf(t.start(name));
            int depth = 0;
            for (int i = name + 1; i < d.lines.endTok[line]; i++) {
                if (t.textEquals(i, "(")) {
                    depth++;
                } else if (t.textEquals(i, ")")) {
                    depth--;
                } else if (depth == 1 && t.kind(i) == TokenKind.NAME && followedBy(i, ",", ")")) {
                    bases.add(t.text(i));
                }
            }
            return new Decl(name, d.lines.endTok[line], blockEnd(line), bases);
        }
        int open = -1;
        for (int i = name + 1; i < end && i < name + 200; i++) {
            if (t.textEquals(i, "{")) {
                open = i;
                break;
            }
            if (t.textEquals(i, ";")) {
                break;
            }
            if (t.kind(i) == TokenKind.NAME && Character.isUpperCase(t.firstChar(i))) {
                bases.add(t.text(i));
            }
        }
        if (open < 0) {
            return new Decl(name, name, name, bases);
        }
        return new Decl(name, open + 1, matchClose(open), bases);
    }

    /** The token after the last line of the block under line (lines indented more than it). */
    private int blockEnd(int line) {
        int ind = d.lines.indent[line];
        int l = line + 1;
        int last = line;
        for (; l < d.lines.count; l++) {
            int li = d.lines.indent[l];
            if (li >= 0) {
                if (li <= ind) {
                    break;
                }
                last = l;
            }
        }
        return d.lines.endTok[last];
    }

    private int matchClose(int open) {
        int depth = 0;
        for (int i = open; i < t.size(); i++) {
            if (t.kind(i) != TokenKind.OP) {
                continue;
            }
            if (t.textEquals(i, "{")) {
                depth++;
            } else if (t.textEquals(i, "}") && --depth == 0) {
                return i;
            }
        }
        return t.size();
    }

    private Decl enclosingByIndent() {
        int indent = d.currentIndent();
        for (int l = d.curLine - 1; l >= 0; l--) {
            int ind = d.lines.indent[l];
            if (ind < 0 || ind >= indent) {
                continue;
            }
            indent = ind;
            int i = nextSignificant(d.lines.firstTok[l]);
            if (i >= 0 && i < d.lines.endTok[l] && t.textEquals(i, "class")) {
                int n = nextSignificant(i + 1);
                return n >= 0 && t.kind(n) == TokenKind.NAME ? declAt(n) : null;
            }
            if (ind == 0) {
                return null;
            }
        }
        return null;
    }

    private Decl enclosingByBraces(int at) {
        int depth = 0;
        for (int i = at - 1; i >= 0; i--) {
            if (t.kind(i) != TokenKind.OP) {
                continue;
            }
            if (t.textEquals(i, "}")) {
                depth++;
            } else if (t.textEquals(i, "{")) {
                if (depth > 0) {
                    depth--;
                    continue;
                }
                int n = classNameBefore(i);
                if (n >= 0) {
                    return declAt(n);
                }
            }
        }
        return null;
    }

    /** The name token of the class whose header ends at the brace open, or -1. */
    private int classNameBefore(int open) {
        for (int i = open - 1; i >= 0 && i > open - 200; i--) {
            if (t.kind(i) == TokenKind.OP && (t.textEquals(i, ";") || t.textEquals(i, "{") || t.textEquals(i, "}")
                    || t.textEquals(i, ")"))) {
                return -1;
            }
            if (t.kind(i) == TokenKind.NAME && isClassWord(i)) {
                int n = nextSignificant(i + 1);
                return n >= 0 && n < open && t.kind(n) == TokenKind.NAME ? n : -1;
            }
        }
        return -1;
    }

    private void indentMembers(Decl c, Map<String, Integer> out) {
        int first = d.lines.lineOf(t.start(c.name())) + 1;
        int bodyIndent = -1;
        for (int l = first; l < d.lines.count && d.lines.firstTok[l] < c.bodyTo(); l++) {
            int ind = d.lines.indent[l];
            if (ind < 0) {
                continue;
            }
            if (bodyIndent < 0) {
                bodyIndent = ind;
            }
            if (ind != bodyIndent) {
                continue;
            }
            int i = nextSignificant(d.lines.firstTok[l]);
            if (i >= 0 && t.textEquals(i, "async")) {
                i = nextSignificant(i + 1);
            }
            if (i >= 0 && t.textEquals(i, "def")) {
                int n = nextSignificant(i + 1);
                if (n >= 0 && t.kind(n) == TokenKind.NAME) {
                    out.putIfAbsent(t.text(n), METHOD);
                }
            } else if (i >= 0 && t.kind(i) == TokenKind.NAME && followedBy(i, "=", ":")) {
                out.putIfAbsent(t.text(i), FIELD);
            }
        }
        for (int i = c.bodyFrom(); i + 2 < c.bodyTo(); i++) {
            if ((t.textEquals(i, "self") || t.textEquals(i, "cls")) && t.textEquals(i + 1, ".")
                    && t.kind(i + 2) == TokenKind.NAME) {
                out.putIfAbsent(t.text(i + 2), FIELD);
            }
        }
    }

    private void braceMembers(Decl c, Map<String, Integer> out) {
        int depth = 0;
        int word = prevSignificant(c.name() - 1);
        boolean enumConstants = word >= 0 && t.textEquals(word, "enum");
        for (int i = c.bodyFrom(); i < c.bodyTo(); i++) {
            byte k = t.kind(i);
            if (k == TokenKind.OP) {
                if (t.textEquals(i, "{") || t.textEquals(i, "(") || t.textEquals(i, "[")) {
                    depth++;
                } else if (t.textEquals(i, "}") || t.textEquals(i, ")") || t.textEquals(i, "]")) {
                    depth--;
                } else if (depth == 0 && t.textEquals(i, ";")) {
                    enumConstants = false;
                }
                continue;
            }
            if (k != TokenKind.NAME) {
                continue;
            }
            int prev = prevSignificant(i - 1);
            if (prev >= 0 && t.textEquals(prev, ".")) {
                int recv = prevSignificant(prev - 1);
                if (recv >= 0 && t.textEquals(recv, "this")) {
                    out.putIfAbsent(t.text(i), followedBy(i, "(") ? METHOD : FIELD);
                }
                continue;
            }
            if (depth != 0 || d.spec.isKeyword(t.text(i))) {
                continue;
            }
            if (enumConstants && (prev < c.bodyFrom() || t.textEquals(prev, ","))) {
                out.putIfAbsent(t.text(i), FIELD);
            } else if (followedBy(i, "(") && declares(prev)) {
                out.putIfAbsent(t.text(i), METHOD);
            } else if (followedBy(i, "=", ";", ",") && declares(prev)) {
                out.putIfAbsent(t.text(i), FIELD);
            }
        }
    }

    /**
     * Whether a name after token prev starts a member: after a type (Java) or at the start of a
     * member, after a modifier or the end of the member before (JavaScript).
     */
    private boolean declares(int prev) {
        if (prev < 0) {
            return false;
        }
        if (t.kind(prev) == TokenKind.NAME) {
            return !t.textEquals(prev, "new") && !t.textEquals(prev, "return") && !t.textEquals(prev, "throw");
        }
        return t.textEquals(prev, ">") || t.textEquals(prev, "]") || t.textEquals(prev, "{")
                || t.textEquals(prev, "}") || t.textEquals(prev, ";") || t.textEquals(prev, "*");
    }

    private boolean followedBy(int i, String... any) {
        int n = nextSignificant(i + 1);
        if (n < 0) {
            return false;
        }
        for (String s : any) {
            if (t.textEquals(n, s)) {
                return true;
            }
        }
        return false;
    }

    int nextSignificant(int i) {
        while (i < t.size() && TokenKind.isTrivia(t.kind(i))) {
            i++;
        }
        return i < t.size() ? i : -1;
    }

    int prevSignificant(int i) {
        while (i >= 0 && TokenKind.isTrivia(t.kind(i))) {
            i--;
        }
        return i;
    }
}
