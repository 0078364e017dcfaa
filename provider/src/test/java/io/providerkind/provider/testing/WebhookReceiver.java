package io.providerkind.provider.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP endpoint on 127.0.0.1 that stands in for an alert receiver: it answers POSTs with 204 and keeps their
 * bodies, or answers with the statuses a test queues, or holds its answers until the test releases them.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** Longer than any test waits: a held answer is never released by this alone. */
    private static final long HOLD_LIMIT_SECONDS = 60;

    private final HttpServer server;
    // one thread per request, so that a held answer does not keep the next request waiting
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();
    private volatile CountDownLatch held = new CountDownLatch(0);

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        server.createContext("/alerts", exchange -> {
            Integer queued = statuses.poll();
            int status = queued == null ? 204 : queued;
            // counted once its answer is chosen: a test that saw it counted knows the next POST gets the next answer
            requests.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                held.await(HOLD_LIMIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (status / 100 == 2) {
                bodies.add(body);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** Where to POST; anything below this path reaches the receiver too. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/alerts";
    }

    /** The bodies of the POSTs it accepted (answered with a 2xx), in order. */
    public List<String> bodies() {
        return List.copyOf(bodies);
    }

    /** How many POSTs reached it, accepted or not. */
    public int requests() {
        return requests.get();
    }

    /** Answers the next POSTs with these statuses, in order, and later ones with 204 again. */
    public void answer(int... next) {
        for (int status : next) {
            statuses.add(status);
        }
    }

    /** Keeps answering every POST from now on until {@link #release()}. */
    public void hold() {
        held = new CountDownLatch(1);
    }

    public void release() {
        held.countDown();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        handlers.shutdownNow();
    }
}
