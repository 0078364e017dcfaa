package io.providerkind.kindserver.docker;

import com.github.dockerjava.transport.DockerHttpClient;
import io.micrometer.core.instrument.util.NamedThreadFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Bounds how long Docker may take to answer a request, on every transport. httpclient5's response timeout is a
 * socket timeout, and docker-java's socket for {@code unix://} (Docker's default) ignores socket timeouts: a hung
 * dockerd on the local socket would block a call for ever. So each request runs on a thread of this client's
 * own, and one that gets no answer in time is interrupted: the socket is an interruptible channel, which the
 * interrupt closes, so nothing stays blocked on it. Reading the answer's body is left to the socket timeout.
 */
final class DeadlineHttpClient implements DockerHttpClient {

    private final DockerHttpClient delegate;
    private final Duration deadline;
    private final ExecutorService requests;

    DeadlineHttpClient(DockerHttpClient delegate, Duration deadline) {
        this.delegate = delegate;
        this.deadline = deadline;
        this.requests = Executors.newCachedThreadPool(new NamedThreadFactory("docker-request"));
    }

    @Override
    public Response execute(Request request) {
        Future<Response> answer = requests.submit(() -> delegate.execute(request));
        try {
            return answer.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new UncheckedIOException(new SocketTimeoutException(
                    "Docker did not answer " + request.method() + " " + request.path() + " within " + deadline));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Docker", e);
        }
    }

    @Override
    public void close() throws IOException {
        requests.shutdownNow();
        delegate.close();
    }
}
