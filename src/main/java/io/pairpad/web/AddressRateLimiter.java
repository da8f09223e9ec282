package io.pairpad.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket per client address. The table of addresses is bounded: the least recently seen address
 * is forgotten first, so a flood of addresses cannot grow memory without end.
 */
public final class AddressRateLimiter {
    private static final int MAX_ADDRESSES = 50_000;

    private final String what;
    private final int perMinute;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    /** @param what what is being limited, for the error message ("room creations") */
    public AddressRateLimiter(String what, int perMinute) {
        this.what = what;
        this.perMinute = perMinute;
    }

    /** Takes one token for {@code address}, or throws a 429 that says when to retry. */
    public void acquire(String address) {
        ConsumptionProbe probe = bucketOf(address).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            throw new RateLimitedException("Too many " + what + " from this address: at most " + perMinute
                    + " per minute; retry in " + seconds + " s", seconds);
        }
    }

    private synchronized Bucket bucketOf(String address) {
        return buckets.computeIfAbsent(address, a -> Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(perMinute)
                        .refillGreedy(perMinute, Duration.ofMinutes(1))
                        .build())
                .build());
    }
}
