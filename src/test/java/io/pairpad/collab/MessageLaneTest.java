package io.pairpad.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MessageLaneTest {
    private final ExecutorService workers = Executors.newSingleThreadExecutor(r -> new Thread(r, "lane-worker"));
    private final MessageLane lane = new MessageLane(workers);
    private final List<String> ran = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    @Test
    void aMessageThatCannotBlockRunsAtOnceOnTheReadingThread() {
        lane.run(() -> ran.add("op on " + Thread.currentThread().getName()), false);

        assertEquals(List.of("op on " + Thread.currentThread().getName()), ran);
    }

    @Test
    void laterMessagesWaitBehindOneThatMayBlockAndKeepTheirOrder() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        lane.run(() -> {
            await(release);
            ran.add("language on " + Thread.currentThread().getName());
        }, true);
        lane.run(() -> ran.add("op 1"), false);
        lane.run(() -> ran.add("op 2"), false);

        assertTrue(ran.isEmpty(), "nothing may overtake the blocked message: " + ran);
        release.countDown();
        waitFor(3);
        assertEquals(List.of("language on lane-worker", "op 1", "op 2"), ran);
    }

    @Test
    void onceTheWorkerHasCaughtUpMessagesRunOnTheReadingThreadAgain() throws Exception {
        lane.run(() -> ran.add("code_update"), true);
        waitFor(1);
        workers.submit(() -> { }).get(5, TimeUnit.SECONDS);

        String reader = Thread.currentThread().getName();
        lane.run(() -> ran.add("op on " + Thread.currentThread().getName()), false);

        assertEquals(List.of("code_update", "op on " + reader), ran);
        assertNotEquals("lane-worker", reader);
    }

    @Test
    void aFailingMessageOnTheWorkerDoesNotStopTheOnesAfterIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        lane.run(() -> {
            await(release);
            throw new IllegalStateException("storage down");
        }, true);
        lane.run(() -> ran.add("op after the failure"), false);
        release.countDown();

        waitFor(1);
        assertEquals(List.of("op after the failure"), ran);
    }

    private void waitFor(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (ran.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
