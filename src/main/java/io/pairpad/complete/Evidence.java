package io.pairpad.complete;

import java.util.Map;
import java.util.Set;

/**
 * What one request's candidates are gathered from and judged by: the document's and the
 * prior's n-gram views of the context, the enclosing function's parameters, the lines and
 * token runs like the cursor's, the distances to names before and after the cursor, the
 * members of the receiver's class and the import line being typed.
 */
final class Evidence {
    static final int RECENCY_TOKENS = 4000;

    final Document doc;
    final LanguageSpec spec;
    /** The shipped prior of the language, or null. */
    final PriorModel prior;
    final ContextClass cls;
    final CacheModel cache;
    final PriorView priorView;
    final Set<String> params;
    final LineAnalogs analogs;
    final ContextMatches matches;
    /** Distance in significant tokens from the cursor back to the nearest occurrence of each name. */
    final NameDistances before;
    /** The same for the names after the cursor's line. */
    final NameDistances after;
    /** Members of the receiver's class after a member operator ({@link ClassIndex#METHOD} or field), else empty. */
    final Map<String, Integer> members;
    /** The import line being typed, or null. */
    final ImportLine imports;

    Evidence(Document d, PriorModel prior) {
        this.doc = d;
        this.spec = d.spec;
        this.prior = prior;
        this.cls = ContextClass.of(d);
        this.cache = new CacheModel(d.stats, d.context);
        this.priorView = new PriorView(prior, d.context);
        this.params = EnclosingScope.parameters(d);
        this.analogs = new LineAnalogs(d);
        this.matches = new ContextMatches(d);
        this.before = new NameDistances(d.tokens, d.contextEnd - 1, -1, -1, RECENCY_TOKENS);
        this.after = new NameDistances(d.tokens, d.lines.endTok[d.curLine], d.tokens.size(), 1, RECENCY_TOKENS);
        this.members = afterMemberOp(d) ? ReceiverMembers.of(d) : Map.of();
        this.imports = ImportLine.at(d);
    }

    /** Whether the prior knows the token at all. */
    boolean priorKnows(String token) {
        return prior != null && prior.table.count(token) > 0;
    }

    /** The last context token, or "". */
    String previousToken() {
        return doc.context.isEmpty() ? "" : doc.context.get(doc.context.size() - 1);
    }

    private static boolean afterMemberOp(Document d) {
        return !d.context.isEmpty() && ContextClass.isMemberOp(d.context.get(d.context.size() - 1));
    }
}
