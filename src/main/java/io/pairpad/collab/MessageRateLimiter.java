package io.pairpad.collab;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * A connection's message budget: {@code rate} per second sustained with bursts of {@code burst}. A client that
 * keeps sending after being refused is out of grace once its refusals outnumber its allowed messages by
 * {@code burst}. (Counting refusals in a row alone never caught a steady flood: the bucket refills a token at a
 * time, and each one let a message in and started the count again.)
 */
final class MessageRateLimiter {
    enum Verdict { ALLOWED, REFUSED, OUT_OF_GRACE }

    private final Bucket bucket;
    private final int grace;
    /** Refusals not yet made up for by allowed messages. */
    private int unforgiven;

    MessageRateLimiter(int rate, int burst) {
        this.bucket = Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(rate, java.time.Duration.ofSeconds(1))
                        .build())
                .build();
        this.grace = burst;
    }

    synchronized Verdict take() {
        if (bucket.tryConsume(1)) {
            unforgiven = Math.max(0, unforgiven - 1);
            return Verdict.ALLOWED;
        }
        unforgiven++;
        return unforgiven > grace ? Verdict.OUT_OF_GRACE : Verdict.REFUSED;
    }
}
