package io.pairpad.collab;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * A participant's WebSocket. Sends are asynchronous; a client that stops reading lets its unsent messages
 * pile up only to a bound (in characters, so that a few huge messages count as much as many small ones),
 * then it is disconnected with 1008 so that server memory stays flat. A close waits for the messages sent
 * before it, so an error always reaches the client ahead of the close that follows it.
 */
final class WsChannel implements ClientChannel {
    private static final Duration FLUSH_BEFORE_CLOSE = Duration.ofSeconds(2);
    private static final ScheduledExecutorService CLOSE_TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pairpad-ws-close");
        t.setDaemon(true);
        return t;
    });

    private final Session session;
    private final long maxQueuedChars;
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong queuedChars = new AtomicLong();
    private final AtomicReference<CloseRequest> closeRequest = new AtomicReference<>();

    private record CloseRequest(int code, String reason) {
    }

    WsChannel(Session session, long maxQueuedChars) {
        this.session = session;
        this.maxQueuedChars = maxQueuedChars;
    }

    @Override
    public void send(String json) {
        if (!session.isOpen() || closeRequest.get() != null) {
            return;
        }
        if (queuedChars.addAndGet(json.length()) > maxQueuedChars) {
            queuedChars.addAndGet(-json.length());
            dropSlowClient();
            return;
        }
        queued.incrementAndGet();
        int size = json.length();
        session.sendText(json, Callback.from(() -> sent(size), failure -> sent(size)));
    }

    @Override
    public void close(int code, String reason) {
        if (!closeRequest.compareAndSet(null, new CloseRequest(code, reason))) {
            return;
        }
        if (queued.get() == 0) {
            closeNow(code, reason);
        } else {
            // A client that does not read would hold the close back for ever: give its queue a moment only.
            CLOSE_TIMER.schedule(() -> {
                if (session.isOpen()) {
                    closeNow(code, reason);
                    session.disconnect();
                }
            }, FLUSH_BEFORE_CLOSE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void sent(int size) {
        queuedChars.addAndGet(-size);
        CloseRequest request = closeRequest.get();
        if (queued.decrementAndGet() == 0 && request != null) {
            closeNow(request.code(), request.reason());
        }
    }

    /**
     * The close frame would wait behind everything unread, so after sending it the connection is cut at once:
     * the client is gone for the room straight away and its queue is freed.
     */
    private void dropSlowClient() {
        if (closeRequest.compareAndSet(null, new CloseRequest(CloseCodes.POLICY_VIOLATION, "too slow"))) {
            session.close(CloseCodes.POLICY_VIOLATION, "too slow: messages are not being read", Callback.NOOP);
            session.disconnect();
        }
    }

    private void closeNow(int code, String reason) {
        if (session.isOpen()) {
            session.close(code, reason, Callback.NOOP);
        }
    }
}
