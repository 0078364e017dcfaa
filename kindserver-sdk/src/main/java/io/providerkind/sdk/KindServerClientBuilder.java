package io.providerkind.sdk;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Configures an {@link HttpKindServerClient}; get one from {@link KindServerClients#builder()}. Not
 * thread-safe (a builder is used by one thread); the client it builds is. Every input is checked in
 * {@link #build()}, which names what is wrong in an {@link IllegalArgumentException}.
 */
public final class KindServerClientBuilder {

    private URI endpoint;
    /** The endpoint as text, parsed in build() so that every input error surfaces in one place. */
    private String endpointText;

    private String password;
    private String caBundlePem;
    private boolean insecureSkipVerify;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

    /**
     * A list of hundreds of clusters is a few hundred KiB and one cluster with its kubeconfig ~10 KiB;
     * 16 MiB leaves room for growth and still stops an endpoint that streams without end.
     */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

    KindServerClientBuilder() {}

    /** The base URL including its path, e.g. {@code https://172.18.0.1:7443/api/v1/kindserver}. */
    public KindServerClientBuilder endpoint(URI endpoint) {
        this.endpoint = endpoint;
        this.endpointText = null;
        return this;
    }

    /** As {@link #endpoint(URI)}, from the text a user wrote (a ProviderConfig's {@code spec.endpoint.url}). */
    public KindServerClientBuilder endpoint(String endpoint) {
        this.endpoint = null;
        this.endpointText = endpoint;
        return this;
    }

    /**
     * kindserver's password, sent as {@code Authorization: Bearer <password>}. A trailing line break (as a
     * Secret made from a file often carries) is dropped: a header could not carry it anyway.
     */
    public KindServerClientBuilder password(String password) {
        this.password = password;
        return this;
    }

    /** One or more PEM certificates to trust instead of the JVM's trust store; null or blank means none. */
    public KindServerClientBuilder caBundlePem(String caBundlePem) {
        this.caBundlePem = caBundlePem;
        return this;
    }

    /** Trust any certificate for any host name. Only for a kindserver whose certificate cannot be had. */
    public KindServerClientBuilder insecureSkipVerify(boolean insecureSkipVerify) {
        this.insecureSkipVerify = insecureSkipVerify;
        return this;
    }

    /** How long to wait for the TCP connection and TLS handshake (default 5 s). */
    public KindServerClientBuilder connectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
        return this;
    }

    /** How long to wait for kindserver's answer to one call (default 30 s). */
    public KindServerClientBuilder requestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
        return this;
    }

    /** The largest response body read into memory (default {@link #DEFAULT_MAX_RESPONSE_BYTES}). */
    public KindServerClientBuilder maxResponseBytes(long maxResponseBytes) {
        this.maxResponseBytes = maxResponseBytes;
        return this;
    }

    public HttpKindServerClient build() {
        KindServerEndpoint base = KindServerEndpoint.of(endpointText == null ? endpoint : parse(endpointText));
        Password checkedPassword = checkedPassword();
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("requestTimeout", requestTimeout);
        if (maxResponseBytes <= 0) {
            throw new IllegalArgumentException("maxResponseBytes must be positive, got " + maxResponseBytes);
        }
        boolean hasCaBundle = caBundlePem != null && !caBundlePem.isBlank();
        if (hasCaBundle && insecureSkipVerify) {
            throw new IllegalArgumentException(
                    "set either caBundlePem or insecureSkipVerify, not both: insecureSkipVerify would ignore the bundle");
        }
        HttpClient.Builder http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                // A redirect would resend the password to wherever it points; a wrong endpoint should say so.
                .followRedirects(HttpClient.Redirect.NEVER);
        String trust = "jvm-default";
        if (hasCaBundle) {
            http.sslContext(TlsContexts.trustingOnly(caBundlePem));
            trust = "ca-bundle";
        } else if (insecureSkipVerify) {
            http.sslContext(TlsContexts.trustingAnyCertificate());
            trust = "insecure-skip-verify";
        }
        if (!base.https()) {
            trust = "none (plain http on loopback)";
        }
        return new HttpKindServerClient(
                base, checkedPassword, http.build(), connectTimeout, requestTimeout, maxResponseBytes, trust);
    }

    private static URI parse(String text) {
        try {
            return new URI(text.strip());
        } catch (URISyntaxException e) {
            // Neither the text nor the URISyntaxException (which quotes it) is kept: it may carry user info.
            throw new IllegalArgumentException(
                    "endpoint is not a URL (" + e.getReason() + "); write it as https://<host>:7443/api/v1/kindserver");
        }
    }

    private Password checkedPassword() {
        if (password == null || password.isBlank()) {
            throw new IllegalArgumentException("password is required: kindserver refuses every call without one");
        }
        String trimmed = password.replaceAll("[\r\n]+$", "");
        // Checked here, not left to HttpRequest.Builder, whose "invalid header value" message quotes the value.
        if (trimmed.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("password must not contain control characters or line breaks");
        }
        return new Password(trimmed);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
