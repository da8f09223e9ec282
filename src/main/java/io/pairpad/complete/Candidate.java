package io.pairpad.complete;

/** One possible next token, with where it came from, its ranking features and its probability. */
final class Candidate {
    /** The whole token (for a word being typed, including the typed prefix). */
    final String token;
    String kind;
    double[] features;
    double score;
    double prob;

    Candidate(String token, String kind) {
        this.token = token;
        this.kind = kind;
    }

    @Override
    public String toString() {
        return token + "(" + kind + ", " + String.format("%.3f", prob) + ")";
    }
}
