package io.providerkind.sdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@link KindServerClient} over HTTPS with the JDK's HttpClient. Immutable and thread-safe: build one per
 * kindserver (per ProviderConfig) and share it; it keeps its connections alive between calls.
 */
public final class HttpKindServerClient implements KindServerClient {

    private static final String JSON = "application/json";

    private final KindServerEndpoint endpoint;
    private final Password password;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final String trust;
    private final ObjectMapper json;
    private final ErrorResponses errors;
    private final TransportFailures failures;
    private final LimitedBody body;

    HttpKindServerClient(
            KindServerEndpoint endpoint,
            Password password,
            HttpClient http,
            Duration connectTimeout,
            Duration requestTimeout,
            long maxResponseBytes,
            String trust) {
        this.endpoint = endpoint;
        this.password = password;
        this.http = http;
        this.requestTimeout = requestTimeout;
        this.trust = trust;
        this.json = KindServerJson.newObjectMapper();
        this.errors = new ErrorResponses(json, password);
        this.failures = new TransportFailures(endpoint, connectTimeout, requestTimeout);
        this.body = new LimitedBody(maxResponseBytes);
    }

    @Override
    public List<ClusterInfo> list() {
        HttpResponse<byte[]> response = send(request(endpoint.clusters()).GET());
        if (success(response)) {
            return read(response, ClusterList.class).clusters();
        }
        throw errors.toException(response);
    }

    @Override
    public Optional<ClusterInfo> find(String name) {
        return observe(name).map(ObservedCluster::cluster);
    }

    @Override
    public Optional<ObservedCluster> observe(String name) {
        HttpResponse<byte[]> response = send(request(endpoint.cluster(name)).GET());
        if (errors.isClusterNotFound(response)) {
            return Optional.empty();
        }
        if (success(response)) {
            return Optional.of(observed(response));
        }
        throw errors.toException(response);
    }

    @Override
    public CompletableFuture<ClusterChange> awaitChange(String name, String etag, Duration timeout) {
        if (!WaitForChange.isEtag(etag)) {
            return CompletableFuture.failedFuture(
                    new IllegalArgumentException("not an ETag kindserver wrote: " + etag));
        }
        long seconds = Math.max(1, Math.min(timeout.toSeconds(), WaitForChange.MAX_TIMEOUT.toSeconds()));
        URI uri = URI.create(endpoint.cluster(name) + "?" + WaitForChange.PARAMETER + "="
                + URLEncoder.encode(etag, StandardCharsets.UTF_8) + "&" + WaitForChange.TIMEOUT_PARAMETER + "="
                + seconds);
        HttpRequest request =
                request(uri).timeout(requestTimeout.plusSeconds(seconds)).GET().build();
        // the JDK's client completes this on its own executor: no caller's thread waits
        return http.sendAsync(request, body).handle((response, failure) -> {
            if (failure != null) {
                throw asyncFailure(failure);
            }
            if (response.statusCode() == 304) {
                return new ClusterChange.Unchanged();
            }
            if (errors.isClusterNotFound(response)) {
                return new ClusterChange.Gone();
            }
            if (success(response)) {
                return new ClusterChange.Changed(observed(response));
            }
            throw errors.toException(response);
        });
    }

    @Override
    public ClusterInfo create(String name, String kindConfig, String owner) {
        return createObserved(name, kindConfig, owner).cluster();
    }

    @Override
    public ObservedCluster createObserved(String name, String kindConfig, String owner) {
        Objects.requireNonNull(kindConfig, "kindConfig must not be null");
        URI uri = endpoint.cluster(name);
        HttpResponse<byte[]> response = send(request(uri)
                .header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofByteArray(write(new CreateClusterRequest(kindConfig, owner)))));
        // 202: creation started (or is running); 200: it exists with the same config. Both carry the cluster.
        if (success(response)) {
            return observed(response);
        }
        throw errors.toException(response);
    }

    /** Refuses what kindserver would refuse (400) without asking it: the check is the one kindserver makes. */
    @Override
    public ObservedCluster loadImages(String name, List<String> images) {
        LoadImagesRequest request = new LoadImagesRequest(images);
        Optional<String> problem = request.problem();
        if (problem.isPresent()) {
            throw new BadRequestException(400, problem.get());
        }
        HttpResponse<byte[]> response = send(request(endpoint.images(name))
                .header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofByteArray(write(request))));
        if (success(response)) {
            return observed(response);
        }
        throw errors.toException(response);
    }

    @Override
    public Optional<LocalRegistry> registry() {
        HttpResponse<byte[]> response = send(request(endpoint.clusters()).GET());
        if (success(response)) {
            return Optional.ofNullable(read(response, ClusterList.class).registry());
        }
        throw errors.toException(response);
    }

    @Override
    public boolean delete(String name) {
        return sendDelete(name).isPresent();
    }

    @Override
    public Optional<ObservedCluster> deleteObserved(String name) {
        return sendDelete(name).map(this::observed);
    }

    /** The answer of an accepted delete; empty when kindserver did not know the cluster (404). */
    private Optional<HttpResponse<byte[]>> sendDelete(String name) {
        HttpResponse<byte[]> response = send(request(endpoint.cluster(name)).DELETE());
        if (errors.isClusterNotFound(response)) {
            return Optional.empty();
        }
        if (success(response)) {
            return Optional.of(response);
        }
        throw errors.toException(response);
    }

    /** The kindserver this client calls, as given to the builder (normalised). */
    public URI endpoint() {
        return endpoint.base();
    }

    @Override
    public String toString() {
        return "HttpKindServerClient[endpoint=" + endpoint + ", trust=" + trust + ", requestTimeout="
                + TransportFailures.human(requestTimeout) + "]";
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Accept", JSON)
                .header("Authorization", password.bearerHeader());
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), body);
        } catch (IOException e) {
            if (LimitedBody.TooLarge.in(e)) {
                // the JDK rethrows the body subscriber's failure wrapped in an IOException of its own
                throw tooLarge();
            }
            throw failures.unreachable(e);
        } catch (InterruptedException e) {
            // The caller's thread is being stopped; keep the flag so it can see that.
            Thread.currentThread().interrupt();
            throw failures.interrupted(e);
        }
    }

    private ObservedCluster observed(HttpResponse<byte[]> response) {
        return new ObservedCluster(
                read(response, ClusterInfo.class),
                response.headers().firstValue(WaitForChange.ETAG_HEADER).filter(WaitForChange::isEtag));
    }

    /** What {@link #send} throws for a failure, for a future to fail with. */
    private KindServerException asyncFailure(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof KindServerException known) {
            return known;
        }
        if (cause instanceof IOException io) {
            return LimitedBody.TooLarge.in(io) ? tooLarge() : failures.unreachable(io);
        }
        return failures.unreachable(new IOException(cause.toString(), cause));
    }

    private ServerErrorException tooLarge() {
        return new ServerErrorException(
                0,
                "kindserver at " + endpoint + " answered with a body larger than " + body.maxBytes()
                        + " bytes; refused (is the endpoint kindserver's?)");
    }

    private static boolean success(HttpResponse<byte[]> response) {
        return response.statusCode() / 100 == 2;
    }

    private <T> T read(HttpResponse<byte[]> response, Class<T> type) {
        try {
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            // Neither Jackson's message nor the body is quoted: the body may hold a kubeconfig's private key.
            String where = e instanceof JsonProcessingException p && p.getLocation() != null
                    ? " (line " + p.getLocation().getLineNr() + ", column "
                            + p.getLocation().getColumnNr() + ")"
                    : "";
            throw new ServerErrorException(
                    response.statusCode(),
                    "kindserver at " + endpoint + " answered " + response.statusCode()
                            + " with a body that is not a valid " + type.getSimpleName() + where);
        }
    }

    private byte[] write(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
