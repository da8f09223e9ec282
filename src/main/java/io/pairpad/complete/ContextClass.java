package io.pairpad.complete;

/** The kinds of cursor context the ranker and calibration treat apart. */
enum ContextClass {
    /** A word is being typed (a prefix is known). */
    WORD,
    /** Right after '.', '?.', '->' or '::': a member comes next. */
    MEMBER,
    /** At the start of a line, after its indentation. */
    LINE_START,
    /** Anywhere else, with nothing typed of the next token. */
    OTHER;

    static ContextClass of(Document d) {
        if (!d.prefix.isEmpty()) {
            return WORD;
        }
        String last = d.context.isEmpty() ? "" : d.context.get(d.context.size() - 1);
        if (isMemberOp(last)) {
            return MEMBER;
        }
        if (ModelStream.isMarker(last)) {
            return LINE_START;
        }
        return OTHER;
    }

    static boolean isMemberOp(String t) {
        return t.equals(".") || t.equals("?.") || t.equals("->") || t.equals("::");
    }
}
