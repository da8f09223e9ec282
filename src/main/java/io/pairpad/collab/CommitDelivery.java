package io.pairpad.collab;

import io.pairpad.rooms.RoomIds;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells listeners of committed ops on a thread of its own, in commit order, so that the op log's writer starts
 * its next commit while the acks and ops of the last one go out.
 */
final class CommitDelivery implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CommitDelivery.class);
    private static final int MAX_BATCH = 512;

    private final BatchingThread<Committed> thread = new BatchingThread<>("pairpad-delivery", MAX_BATCH,
            CommitDelivery::deliver);

    private record Committed(PendingOp op, CommitListener listener) {
    }

    void committed(PendingOp op, CommitListener listener) {
        thread.add(new Committed(op, listener));
    }

    /** Completes once every op handed in before it has been delivered. */
    CompletableFuture<Void> flush() {
        return thread.flush();
    }

    /** Committed is committed: one listener's trouble must neither reach the writer nor stop the others. */
    private static void deliver(List<Committed> batch) {
        for (Committed c : batch) {
            PendingOp op = c.op();
            try {
                c.listener().committed(op);
            } catch (RuntimeException e) {
                log.error("Delivering committed op {} of room {} failed", op.revision(), RoomIds.forLog(op.roomId()), e);
            }
        }
    }

    /** Stops after delivering everything already handed in. */
    @Override
    public void close() {
        thread.close();
    }
}
