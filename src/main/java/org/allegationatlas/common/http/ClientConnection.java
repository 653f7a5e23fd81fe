package org.allegationatlas.common.http;

import java.util.concurrent.TimeUnit;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;

/**
 * The network connection of the request being served, as far as a subscription needs it: how much the
 * server has written to it that the client has not read yet, and when it closes. SmallRye sends a
 * subscription's next message without waiting for the last to be written, so a client that stops reading
 * leaves everything sent to it queued in the server's memory: only the connection shows that backlog.
 * Vert.x's connections expose their Netty channel (an implementation class, hence the care: where the
 * connection is not one, nothing is known and {@link #ofCurrentRequest()} is null).
 */
public final class ClientConnection {

    /** How long a client that was sent a close frame has to read it and answer. */
    public static final int CLOSE_GRACE_SECONDS = 10;

    private final Channel channel;

    private ClientConnection(Channel channel) {
        this.channel = channel;
    }

    /** The connection of the HTTP request (or WebSocket upgrade) being served, or null where it cannot be known. */
    public static ClientConnection ofCurrentRequest() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        InstanceHandle<CurrentVertxRequest> current = Arc.container().instance(CurrentVertxRequest.class);
        RoutingContext context = current.isAvailable() ? current.get().getCurrent() : null;
        if (context != null && context.request().connection() instanceof ConnectionBase connection) {
            return new ClientConnection(connection.channel());
        }
        return null;
    }

    /** Bytes written to the connection that the client has not read yet (0 while under Netty's low water mark). */
    public long unreadBytes() {
        return channel.isWritable() ? 0 : channel.bytesBeforeWritable() + channel.config().getWriteBufferLowWaterMark();
    }

    /**
     * Ends the WebSocket: a close frame with this code and reason, which the client reads after what it has
     * not read yet; if it has not closed its end after {@link #CLOSE_GRACE_SECONDS}, the connection is dropped
     * with whatever is still queued for it.
     */
    public void closeWebSocket(int code, String reason) {
        channel.writeAndFlush(new CloseWebSocketFrame(code, reason));
        channel.eventLoop().schedule(() -> channel.close(), CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
    }

    /** Runs {@code action} once the connection is closed (at once if it is already). */
    public void onClose(Runnable action) {
        channel.closeFuture().addListener(closed -> action.run());
    }
}
