package io.pairpad.collab;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one connection's messages in the order they arrived. A message that needs no I/O runs at once on the
 * thread that read it, which is the socket selector's own (see {@code InlineWebSocketConnector}); one that may
 * block is handed to a worker, and every later message of the connection follows it there until the worker
 * has caught up, so that no message overtakes another.
 */
final class MessageLane {
    private static final Logger log = LoggerFactory.getLogger(MessageLane.class);

    private final Executor workers;
    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private boolean onWorker;

    MessageLane(Executor workers) {
        this.workers = workers;
    }

    /** Runs {@code task} now, or after the tasks before it on a worker when it may block or they are there. */
    void run(Runnable task, boolean mayBlock) {
        synchronized (this) {
            if (onWorker || mayBlock) {
                waiting.add(task);
                if (!onWorker) {
                    onWorker = true;
                    workers.execute(this::drain);
                }
                return;
            }
        }
        task.run();
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                    onWorker = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                log.error("Handling a WebSocket message failed", e);
            }
        }
    }
}
