package io.pairpad.collab;

import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * A participant's WebSocket. Sends are asynchronous; a client that stops reading lets its unsent messages
 * pile up only to a bound, then it is disconnected so that server memory stays flat.
 */
final class WsChannel implements ClientChannel {
    private final Session session;
    private final int maxQueuedMessages;
    private final AtomicInteger queued = new AtomicInteger();

    WsChannel(Session session, int maxQueuedMessages) {
        this.session = session;
        this.maxQueuedMessages = maxQueuedMessages;
    }

    @Override
    public void send(String json) {
        if (!session.isOpen()) {
            return;
        }
        if (queued.incrementAndGet() > maxQueuedMessages) {
            queued.decrementAndGet();
            close(CloseCodes.POLICY_VIOLATION, "too slow: messages are not being read");
            return;
        }
        session.sendText(json, Callback.from(queued::decrementAndGet, failure -> queued.decrementAndGet()));
    }

    @Override
    public void close(int code, String reason) {
        if (session.isOpen()) {
            session.close(code, reason, Callback.NOOP);
        }
    }
}
