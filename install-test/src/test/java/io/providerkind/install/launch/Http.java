package io.providerkind.install.launch;

import io.providerkind.testsupport.tls.PemTrust;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** HTTP calls the way the README's curl lines make them. */
final class Http {

    private final HttpClient client;

    private Http(HttpClient client) {
        this.client = client;
    }

    static Http plain() {
        return new Http(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
    }

    /** Trusts only the certificates in a PEM file, like {@code curl --cacert FILE}. */
    static Http trusting(Path pem) throws IOException {
        return new Http(HttpClient.newBuilder()
                .sslContext(PemTrust.sslContext(Files.readString(pem)))
                .connectTimeout(Duration.ofSeconds(2))
                .build());
    }

    HttpResponse<String> get(String url, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5))
                .GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST of raw bytes, which may be large or not even UTF-8, as {@code curl --data-binary @FILE} sends it. */
    HttpResponse<String> post(String url, byte[] body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Whether the URL answers 200 yet. */
    Optional<Boolean> ok(String url) {
        try {
            return get(url).statusCode() == 200 ? Optional.of(true) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Whether something accepts TCP connections on the loopback port yet. */
    static Optional<Boolean> listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return Optional.of(true);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
