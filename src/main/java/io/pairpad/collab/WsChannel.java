package io.pairpad.collab;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * A participant's WebSocket. Sends are asynchronous; a client that stops reading lets its unsent messages
 * pile up only to a bound, then it is disconnected so that server memory stays flat. A close waits for the
 * messages sent before it, so an error always reaches the client ahead of the close that follows it.
 */
final class WsChannel implements ClientChannel {
    private final Session session;
    private final int maxQueuedMessages;
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicReference<CloseRequest> closeRequest = new AtomicReference<>();

    private record CloseRequest(int code, String reason) {
    }

    WsChannel(Session session, int maxQueuedMessages) {
        this.session = session;
        this.maxQueuedMessages = maxQueuedMessages;
    }

    @Override
    public void send(String json) {
        if (!session.isOpen() || closeRequest.get() != null) {
            return;
        }
        if (queued.incrementAndGet() > maxQueuedMessages) {
            queued.decrementAndGet();
            closeNow(CloseCodes.POLICY_VIOLATION, "too slow: messages are not being read");
            return;
        }
        session.sendText(json, Callback.from(this::sent, failure -> sent()));
    }

    @Override
    public void close(int code, String reason) {
        if (closeRequest.compareAndSet(null, new CloseRequest(code, reason)) && queued.get() == 0) {
            closeNow(code, reason);
        }
    }

    private void sent() {
        CloseRequest request = closeRequest.get();
        if (queued.decrementAndGet() == 0 && request != null) {
            closeNow(request.code(), request.reason());
        }
    }

    private void closeNow(int code, String reason) {
        if (session.isOpen()) {
            session.close(code, reason, Callback.NOOP);
        }
    }
}
