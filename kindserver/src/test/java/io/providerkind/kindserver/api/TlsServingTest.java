package io.providerkind.kindserver.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.providerkind.kindserver.testing.TrustingClients;
import io.providerkind.kindserver.tls.Fingerprint;
import io.providerkind.kindserver.tls.PemFiles;
import io.providerkind.kindserver.tls.TlsIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TlsServingTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"operator-ec", "operator-rsa"})
    void servesTheOperatorsPemCertificate(String name) throws Exception {
        TlsIdentity operator = PemFiles.load(copy(name + ".crt"), copy(name + ".key"));
        try (ApiTestServer server = ApiTestServer.start(ApiTestServer.DEFAULT_MAX_BODY, operator)) {
            HttpResponse<String> response = server.send("GET", ApiPaths.HEALTHZ, null, null);

            assertEquals(200, response.statusCode());
            X509Certificate served =
                    (X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0];
            assertEquals(operator.fingerprint(), Fingerprint.sha256(served));
        }
    }

    @Test
    void isNotReachableOverPlainHttpOrByAClientThatDoesNotTrustIt() {
        try (ApiTestServer server = ApiTestServer.start()) {
            String plain = "http://127.0.0.1:" + server.api.port() + ApiPaths.HEALTHZ;
            HttpClient untrusting =
                    TrustingClients.httpClient(ApiTestServer.selfSigned().certificatePem());

            assertThrows(
                    IOException.class,
                    () -> HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(java.net.URI.create(plain))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString()));
            assertThrows(
                    IOException.class,
                    () -> untrusting.send(
                            HttpRequest.newBuilder(server.uri(ApiPaths.HEALTHZ)).build(),
                            HttpResponse.BodyHandlers.ofString()));
        }
    }

    private Path copy(String resource) throws IOException {
        try (InputStream in = TlsServingTest.class.getResourceAsStream("/tls/" + resource)) {
            return Files.write(dir.resolve(resource), in.readAllBytes());
        }
    }
}
