package io.providerkind.kindserver.bench;

import java.io.IOException;

/**
 * The generator's connections to one server, kept open from one {@link OpenLoop} run to the next, as provider-kind
 * keeps its own: a run then measures GETs, not the TLS handshakes of 100 new connections and the JIT work they set
 * off. A connection that fails is opened anew on its next use. Each slot is used by one thread at a time.
 */
final class Connections implements AutoCloseable {

    /** Opens a connection to the server under test. */
    @FunctionalInterface
    interface Connector {
        KeepAliveConnection open() throws IOException;
    }

    private final Connector connector;
    private final KeepAliveConnection[] open;

    Connections(Connector connector, int size) {
        this.connector = connector;
        this.open = new KeepAliveConnection[size];
    }

    int size() {
        return open.length;
    }

    /** Slot {@code slot}'s connection, opened if it has none. */
    KeepAliveConnection get(int slot) throws IOException {
        if (open[slot] == null) {
            open[slot] = connector.open();
        }
        return open[slot];
    }

    /** Closes slot {@code slot}'s connection after a failure; the next {@link #get} opens another. */
    void drop(int slot) {
        if (open[slot] != null) {
            try {
                open[slot].close();
            } catch (IOException ignored) {
                // the connection is dropped either way
            } finally {
                open[slot] = null;
            }
        }
    }

    @Override
    public void close() {
        for (int slot = 0; slot < open.length; slot++) {
            drop(slot);
        }
    }
}
