package io.pairpad.collab;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
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

    private final BlockingQueue<T> queue = new LinkedBlockingQueue<>();
    private final int maxBatch;
    private final Consumer<List<T>> process;
    private final Thread thread;
    private volatile boolean running = true;

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

    private void run() {
        List<T> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                T first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                process.accept(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("{} failed", thread.getName(), e);
            } finally {
                batch.clear();
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
