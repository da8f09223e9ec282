package io.pairpad.web;

import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.WebSocketConnection;

/**
 * Jetty's HTTP connector, except that a WebSocket's frames are read and handled on the selector thread that
 * found them readable. Jetty by default hands every readable socket to a pool thread, and that hand-off (a
 * wake-up, a context switch, the selector passed to another thread) cost more CPU per edit than handling the
 * message itself. The WebSocket handlers must therefore not block; those that may hand the work on themselves.
 * Plain HTTP requests keep Jetty's default.
 */
public final class InlineWebSocketConnector extends ServerConnector {
    public InlineWebSocketConnector(Server server, HttpConfiguration http) {
        super(server, new HttpConnectionFactory(http));
    }

    @Override
    protected SocketChannelEndPoint newEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key) {
        SocketChannelEndPoint endPoint = new InlineWebSocketEndPoint(channel, selector, key, this);
        endPoint.setIdleTimeout(getIdleTimeout());
        return endPoint;
    }

    private static final class InlineWebSocketEndPoint extends SocketChannelEndPoint {
        InlineWebSocketEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key,
                ServerConnector connector) {
            super(channel, selector, key, connector.getScheduler());
        }

        @Override
        public void fillInterested(Callback callback) {
            super.fillInterested(inlineIfWebSocket(callback));
        }

        @Override
        public boolean tryFillInterested(Callback callback) {
            return super.tryFillInterested(inlineIfWebSocket(callback));
        }

        /** Jetty runs a read callback that declares itself non-blocking on the selector thread. */
        private Callback inlineIfWebSocket(Callback callback) {
            if (!(getConnection() instanceof WebSocketConnection)) {
                return callback;
            }
            return new Callback() {
                @Override
                public void succeeded() {
                    callback.succeeded();
                }

                @Override
                public void failed(Throwable failure) {
                    callback.failed(failure);
                }

                @Override
                public InvocationType getInvocationType() {
                    return InvocationType.NON_BLOCKING;
                }
            };
        }
    }
}
