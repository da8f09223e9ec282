package io.pairpad.complete;

/**
 * The ranking features of a candidate token, by index. The weights (per {@link ContextClass})
 * are learnt offline by bench/autocomplete/train_ranker.py and shipped in ranker.json.
 */
final class Features {
    static final String[] NAMES = {
        "log_p_cache", "log_p_prior", "prior_unknown", "log_c3", "log_c2", "log_c1", "log_uni",
        "rel3", "rel2", "rel1", "prior_rel3", "prior_rel2", "prior_rel1", "log_dist", "unseen_before",
        "seen_after", "keyword", "builtin", "name", "op", "literal", "parameter", "log_rest_len", "exact",
        "repeat_prev", "log_p_mix", "snippet", "log_analog", "analog_rel", "sibling_first", "prev_line_first",
        "log_follow", "follow_rel", "match_len", "log_long_matches", "log_match_dist",
        "log_dist_after", "first_use", "recv_member", "recv_method", "import_new", "import_order", "block_clause",
        "next_clause", "log_doc_tokens", "log_child_first", "child_first_rel",
    };
    static final int N = NAMES.length;
    static final int LOG_P_CACHE = 0;
    static final int LOG_P_PRIOR = 1;
    static final int PRIOR_UNKNOWN = 2;
    static final int LOG_C3 = 3;
    static final int LOG_C2 = 4;
    static final int LOG_C1 = 5;
    static final int LOG_UNI = 6;
    static final int REL3 = 7;
    static final int REL2 = 8;
    static final int REL1 = 9;
    static final int PRIOR_REL3 = 10;
    static final int PRIOR_REL2 = 11;
    static final int PRIOR_REL1 = 12;
    static final int LOG_DIST = 13;
    static final int UNSEEN_BEFORE = 14;
    static final int SEEN_AFTER = 15;
    static final int KEYWORD = 16;
    static final int BUILTIN = 17;
    static final int NAME = 18;
    static final int OP = 19;
    static final int LITERAL = 20;
    static final int PARAMETER = 21;
    static final int LOG_REST_LEN = 22;
    static final int EXACT = 23;
    static final int REPEAT_PREV = 24;
    static final int LOG_P_MIX = 25;
    static final int SNIPPET = 26;
    static final int LOG_ANALOG = 27;
    static final int ANALOG_REL = 28;
    static final int SIBLING_FIRST = 29;
    static final int PREV_LINE_FIRST = 30;
    static final int LOG_FOLLOW = 31;
    static final int FOLLOW_REL = 32;
    static final int MATCH_LEN = 33;
    static final int LOG_LONG_MATCHES = 34;
    static final int LOG_MATCH_DIST = 35;
    static final int LOG_DIST_AFTER = 36;
    static final int FIRST_USE = 37;
    /** A member (any, or a method) of the receiver's class, when the document declares it. */
    static final int RECV_MEMBER = 38;
    static final int RECV_METHOD = 39;
    /** On an import line: a name used below and not before nor imported below; the line so completed sorts in place. */
    static final int IMPORT_NEW = 40;
    static final int IMPORT_ORDER = 41;
    /** At a line start: a clause that may (1) or may not (-1) continue the statement of the sibling line above. */
    static final int BLOCK_CLAUSE = 42;
    /**
     * At a line start whose line opens a block: a statement that the clause starting the next sibling line
     * (else, except, a brace language's "} catch"...) may continue (1), or not (-1).
     */
    static final int NEXT_CLAUSE = 43;
    /**
     * The document's length in tokens, the same for every candidate of a request: it lets the hidden units
     * read a cache probability differently in a pad of a few lines, where every name seen once is likely.
     */
    static final int LOG_DOC_TOKENS = 44;
    /**
     * At a line start: how often nearby lines in blocks opened as the cursor's was (an if's, a class's, the top
     * level's) begin with the candidate, and that count over all such lines (see LineAnalogs.childFirst).
     */
    static final int LOG_CHILD_FIRST = 45;
    static final int CHILD_FIRST_REL = 46;

    /** Features of the "none of these" outcome: bias, prefix length, log of candidate count. */
    static final String[] OOV_NAMES = {"oov_bias", "oov_prefix_len", "oov_log_cands", "oov_top_p_mix"};
    static final int OOV_N = OOV_NAMES.length;

    private Features() {
    }
}
