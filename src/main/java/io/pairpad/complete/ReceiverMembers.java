package io.pairpad.complete;

import java.util.Map;

/**
 * After a member access ({@code recv.}), the members of the receiver's class when that class is
 * declared in the document: the enclosing class for {@code self}, {@code cls} and {@code this},
 * its bases for {@code super}, the class itself for a class name, and for a variable the class
 * it was made from or declared as ({@code x = Foo(...)}, {@code x = new Foo(...)},
 * {@code Foo x}, {@code x: Foo}).
 */
final class ReceiverMembers {
    /** Tokens looked at backwards for the receiver variable's declaration. */
    private static final int DECL_SCAN_TOKENS = 20_000;

    private ReceiverMembers() {
    }

    /** Name to {@link ClassIndex#FIELD} or {@link ClassIndex#METHOD}; empty if the receiver's class is not known. */
    static Map<String, Integer> of(Document d) {
        Tokens t = d.tokens;
        ClassIndex idx = new ClassIndex(d);
        int dot = idx.prevSignificant(d.contextEnd - 1);
        if (dot < 0 || !(t.textEquals(dot, ".") || t.textEquals(dot, "?."))) {
            return Map.of();
        }
        int recv = idx.prevSignificant(dot - 1);
        if (recv < 0 || t.kind(recv) != TokenKind.NAME) {
            return Map.of();
        }
        int before = idx.prevSignificant(recv - 1);
        if (before >= 0 && t.textEquals(before, ".")) {
            return Map.of(); // a.b.: the type of b is not followed
        }
        String r = t.text(recv);
        ClassIndex.Decl c;
        if (r.equals("this") || (d.spec.indentBlocks && (r.equals("self") || r.equals("cls")))) {
            c = idx.enclosing(recv);
        } else if (r.equals("super")) {
            ClassIndex.Decl own = idx.enclosing(recv);
            if (own == null || own.bases().isEmpty()) {
                return Map.of();
            }
            c = idx.named(own.bases().get(0));
        } else {
            c = idx.named(r);
            if (c == null) {
                String type = declaredType(d, idx, recv, r);
                c = type == null ? null : idx.named(type);
            }
        }
        return c == null ? Map.of() : idx.members(c);
    }

    /** The class name variable r (at token recv) was last made from or declared as before it, or null. */
    private static String declaredType(Document d, ClassIndex idx, int recv, String r) {
        Tokens t = d.tokens;
        int stop = Math.max(0, recv - DECL_SCAN_TOKENS);
        for (int i = recv - 1; i >= stop; i--) {
            if (t.kind(i) != TokenKind.NAME || !t.textEquals(i, r)) {
                continue;
            }
            int next = idx.nextSignificant(i + 1);
            if (next < 0) {
                continue;
            }
            if (t.textEquals(next, "=")) {
                int v = idx.nextSignificant(next + 1);
                if (v >= 0 && t.textEquals(v, "new")) {
                    v = idx.nextSignificant(v + 1);
                }
                int paren = v < 0 ? -1 : idx.nextSignificant(v + 1);
                if (paren >= 0 && t.kind(v) == TokenKind.NAME && t.textEquals(paren, "(")) {
                    return t.text(v);
                }
            } else if (d.spec.indentBlocks && t.textEquals(next, ":")) {
                int v = idx.nextSignificant(next + 1);
                if (v >= 0 && t.kind(v) == TokenKind.NAME) {
                    return t.text(v);
                }
            }
            int prev = idx.prevSignificant(i - 1);
            if (!d.spec.indentBlocks && prev >= 0 && t.kind(prev) == TokenKind.NAME
                    && Character.isUpperCase(t.firstChar(prev))) {
                return t.text(prev);
            }
        }
        return null;
    }
}
