package io.pairpad.collab;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thread that hands whatever has queued up since its last batch, up to a bound, to one consumer: the batch
 * grows with the load. Closing it lets it finish what is already queued.
 */
final class BatchingThread<T> implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BatchingThread.class);

    /** Holds the tasks, and the barriers of {@link #flush}, in the order they came. */
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final int maxBatch;
    private final Consumer<List<T>> process;
    private final Thread thread;
    private volatile boolean running = true;

    private record Barrier(CompletableFuture<Void> done) {
    }

    BatchingThread(String name, int maxBatch, Consumer<List<T>> process) {
        this.maxBatch = maxBatch;
        this.process = process;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    void add(T task) {
        queue.add(task);
    }

    /** Completes once every task added before it has been processed, or has failed. */
    CompletableFuture<Void> flush() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.add(new Barrier(done));
        return done;
    }

    private void run() {
        List<Object> taken = new ArrayList<>();
        List<T> batch = new ArrayList<>();
        List<Barrier> barriers = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Object first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                taken.add(first);
                queue.drainTo(taken, maxBatch - 1);
                sort(taken, batch, barriers);
                if (!batch.isEmpty()) {
                    process.accept(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("{} failed", thread.getName(), e);
            } finally {
                barriers.forEach(b -> b.done().complete(null));
                taken.clear();
                batch.clear();
                barriers.clear();
            }
        }
    }

    @SuppressWarnings("unchecked") // only add() puts anything but a Barrier in the queue
    private static <T> void sort(List<Object> taken, List<T> batch, List<Barrier> barriers) {
        for (Object o : taken) {
            if (o instanceof Barrier b) {
                barriers.add(b);
            } else {
                batch.add((T) o);
            }
        }
    }

    /** Stops after processing everything already queued. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
