package io.providerkind.kindserver.testing;

import io.providerkind.testsupport.tls.PemTrust;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * HTTP clients for tests that trust exactly one PEM CA bundle (kindserver's self-signed certificate), with
 * host name verification on: a test passing proves a real client would connect.
 */
public final class TrustingClients {

    private TrustingClients() {}

    /** An HTTP/1.1 client (as the SDK uses) trusting {@code caPem}. */
    public static HttpClient httpClient(String caPem) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(PemTrust.sslContext(caPem))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }
}
