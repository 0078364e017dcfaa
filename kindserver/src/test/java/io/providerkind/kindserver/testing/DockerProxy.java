package io.providerkind.kindserver.testing;

import io.providerkind.testsupport.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local Docker engine behind an address the test controls (a loopback TCP port, or a unix socket as Docker's
 * own), for kindserver (and the kind it runs) to reach through {@code DOCKER_HOST}: not listening yet (an engine
 * that is down), {@link #forward() forwarding} every byte both ways (half-closes too, as {@code docker exec}
 * needs), or {@link #hang() hung}: connections are accepted and never answered, and open ones pass nothing more,
 * as a dockerd that stopped responding.
 */
public final class DockerProxy implements AutoCloseable {

    private static final Path ENGINE_SOCKET = Path.of("/var/run/docker.sock");

    private final SocketAddress address;
    private final String dockerHost;
    private final Set<SocketChannel> connections = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads;
    private volatile boolean hung;
    private volatile boolean closed;
    private ServerSocketChannel server;

    /** On a free loopback TCP port. */
    public DockerProxy() {
        this(null);
    }

    /** On a unix socket at {@code socket}, the transport of Docker's default {@code DOCKER_HOST}. */
    public static DockerProxy onUnixSocket(Path socket) {
        return new DockerProxy(socket);
    }

    private DockerProxy(Path socket) {
        if (socket == null) {
            int port = FreePort.onLoopback();
            this.address = new InetSocketAddress("127.0.0.1", port);
            this.dockerHost = "tcp://127.0.0.1:" + port;
        } else {
            this.address = UnixDomainSocketAddress.of(socket);
            this.dockerHost = "unix://" + socket.toAbsolutePath();
        }
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "docker-proxy-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** What {@code DOCKER_HOST} is set to; nothing listens there before {@link #forward()} or {@link #hang()}. */
    public String dockerHost() {
        return dockerHost;
    }

    /** Starts listening, forwarding each connection to the engine's socket. */
    public synchronized DockerProxy forward() {
        hung = false;
        listen();
        return this;
    }

    /** From now on nothing is answered: new connections are held open in silence, open ones pass nothing more. */
    public synchronized DockerProxy hang() {
        hung = true;
        listen();
        return this;
    }

    private void listen() {
        if (server != null) {
            return;
        }
        try {
            server = address instanceof UnixDomainSocketAddress
                    ? ServerSocketChannel.open(StandardProtocolFamily.UNIX)
                    : ServerSocketChannel.open();
            server.bind(address);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + dockerHost, e);
        }
        threads.execute(this::accept);
    }

    private void accept() {
        while (!closed) {
            try {
                SocketChannel client = server.accept();
                connections.add(client);
                if (!hung) {
                    SocketChannel engine = SocketChannel.open(StandardProtocolFamily.UNIX);
                    connections.add(engine);
                    engine.connect(UnixDomainSocketAddress.of(ENGINE_SOCKET));
                    AtomicInteger directions = new AtomicInteger(2);
                    Runnable ended = () -> {
                        if (directions.decrementAndGet() == 0) {
                            release(client);
                            release(engine);
                        }
                    };
                    threads.execute(() -> pump(client, engine, ended));
                    threads.execute(() -> pump(engine, client, ended));
                }
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("docker proxy: " + e);
                }
            }
        }
    }

    /** One direction; an end of input is passed on as a half-close, as the engine and its clients use it. */
    private void pump(SocketChannel from, SocketChannel to, Runnable ended) {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        try {
            while (from.read(buffer) >= 0) {
                if (hung) {
                    return; // held: both stay open and silent until close()
                }
                buffer.flip();
                while (buffer.hasRemaining()) {
                    to.write(buffer);
                }
                buffer.clear();
            }
            if (!hung) {
                to.shutdownOutput();
                ended.run();
            }
        } catch (IOException e) {
            // the other side went away: so does this connection
            release(from);
            release(to);
        }
    }

    private void release(SocketChannel channel) {
        connections.remove(channel);
        closeQuietly(channel);
    }

    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            if (server != null) {
                closeQuietly(server);
            }
        }
        connections.forEach(DockerProxy::closeQuietly);
        threads.shutdownNow();
    }

    private static void closeQuietly(java.nio.channels.Channel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
