package io.pairpad.complete;

/**
 * The names met walking from a token towards one end of the document, each with its distance
 * (in significant tokens) where first met, nearest first.
 */
final class NameDistances {
    private final TokenIds names = new TokenIds(256);
    private int[] distance = new int[256];

    /** Walks from token from towards to (by step), within max significant tokens. */
    NameDistances(Tokens t, int from, int to, int step, int max) {
        int dist = 0;
        for (int i = from; i != to && dist < max; i += step) {
            byte k = t.kind(i);
            if (TokenKind.isTrivia(k)) {
                continue;
            }
            dist++;
            if (k == TokenKind.NAME) {
                int before = names.size();
                int id = names.add(t.src, t.start(i), t.end(i));
                if (id == before) {
                    if (id == distance.length) {
                        distance = java.util.Arrays.copyOf(distance, 2 * id);
                    }
                    distance[id] = dist;
                }
            }
        }
    }

    int size() {
        return names.size();
    }

    /** The i-th name met. */
    String name(int i) {
        return names.text(i);
    }

    /** The distance of the i-th name met. */
    int distance(int i) {
        return distance[i];
    }

    /** The distance of name, or -1 if it was not met. */
    int of(String name) {
        int id = names.find(name);
        return id < 0 ? -1 : distance[id];
    }
}
