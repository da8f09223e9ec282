package io.pairpad.collab;

import java.util.concurrent.atomic.AtomicLong;

/** How many ops each commit carried: the group commit's batching, for benchmarks and monitoring. */
public final class BatchStats {
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong ops = new AtomicLong();

    void record(int opsInCommit) {
        commits.incrementAndGet();
        ops.addAndGet(opsInCommit);
    }

    public long commits() {
        return commits.get();
    }

    public long ops() {
        return ops.get();
    }
}
