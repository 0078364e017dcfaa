package io.providerkind.kindserver.api;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.HttpChannel;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a connection whose request headers have not all arrived within a fixed time of the connection opening
 * or of its previous answer. Jetty 11 has no such limit: its idle timeout restarts with every byte, so a client
 * sending one header byte every few seconds (slowloris) would hold the connection and its buffers for hours.
 */
final class HeaderDeadline implements Connection.Listener, HttpChannel.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(HeaderDeadline.class);

    private final Duration timeout;
    private final Scheduler scheduler;
    private final Map<Connection, Scheduler.Task> waiting = new ConcurrentHashMap<>();

    HeaderDeadline(Duration timeout, Scheduler scheduler) {
        this.timeout = timeout;
        this.scheduler = scheduler;
    }

    @Override
    public void onOpened(Connection connection) {
        // the TLS layer's connection gets this too; the HTTP connection inside it is the one that reads headers
        if (connection instanceof HttpConnection) {
            arm(connection);
        }
    }

    @Override
    public void onClosed(Connection connection) {
        disarm(connection);
    }

    @Override
    public void onRequestBegin(Request request) {
        disarm(request.getHttpChannel().getConnection());
    }

    @Override
    public void onComplete(Request request) {
        Connection connection = request.getHttpChannel().getConnection();
        if (connection.getEndPoint().isOpen()) {
            arm(connection); // a kept-alive connection's next request gets the same time
        }
    }

    private void arm(Connection connection) {
        Scheduler.Task expiry = scheduler.schedule(() -> expire(connection), timeout.toMillis(), TimeUnit.MILLISECONDS);
        Scheduler.Task previous = waiting.put(connection, expiry);
        if (previous != null) {
            previous.cancel();
        }
    }

    private void disarm(Connection connection) {
        Scheduler.Task expiry = waiting.remove(connection);
        if (expiry != null) {
            expiry.cancel();
        }
    }

    private void expire(Connection connection) {
        if (waiting.remove(connection) != null) {
            // debug only: a slow client, or a flood of them, must not be able to fill the log
            LOG.debug(
                    "closing the connection from {}: no complete request headers within {}",
                    connection.getEndPoint().getRemoteSocketAddress(),
                    timeout);
            // closed without an answer, as Jetty closes an idle connection: a 408 written here could cross
            // an answer Jetty starts writing for headers completing at this very moment
            connection.getEndPoint().close();
        }
    }
}
