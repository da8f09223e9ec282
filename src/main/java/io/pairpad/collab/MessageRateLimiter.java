package io.pairpad.collab;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * A connection's message budget: {@code rate} per second sustained with bursts of {@code burst}. A client that
 * keeps sending after being refused is out of grace once it has been refused {@code burst} times in a row.
 */
final class MessageRateLimiter {
    enum Verdict { ALLOWED, REFUSED, OUT_OF_GRACE }

    private final Bucket bucket;
    private final int grace;
    private int refusedInARow;

    MessageRateLimiter(int rate, int burst) {
        this.bucket = Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(rate, java.time.Duration.ofSeconds(1))
                        .build())
                .build();
        this.grace = burst;
    }

    synchronized Verdict take() {
        if (bucket.tryConsume(1)) {
            refusedInARow = 0;
            return Verdict.ALLOWED;
        }
        refusedInARow++;
        return refusedInARow > grace ? Verdict.OUT_OF_GRACE : Verdict.REFUSED;
    }
}
