package io.providerkind.kindserver.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.providerkind.kindserver.testing.TrustingClients;
import io.providerkind.kindserver.tls.Fingerprint;
import io.providerkind.kindserver.tls.PemFiles;
import io.providerkind.kindserver.tls.TlsIdentity;
import io.providerkind.testsupport.tls.TlsSockets;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Set;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TlsServingTest {

    private static final Set<String> TLS13_SUITES =
            Set.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"operator-ec", "operator-rsa"})
    void servesTheOperatorsPemCertificate(String name) throws Exception {
        TlsIdentity operator = operator(name);
        try (ApiTestServer server = ApiTestServer.start(ApiTestServer.DEFAULT_MAX_BODY, operator)) {
            HttpResponse<String> response = server.send("GET", ApiPaths.HEALTHZ, null, null);

            assertEquals(200, response.statusCode());
            X509Certificate served =
                    (X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0];
            assertEquals(operator.fingerprint(), Fingerprint.sha256(served));
        }
    }

    @Test
    void servesNothingOverPlainHttpNorToAClientThatDoesNotTrustIt() throws Exception {
        try (ApiTestServer server = ApiTestServer.start()) {
            String plain = "http://127.0.0.1:" + server.api.port() + ApiPaths.HEALTHZ;
            HttpClient untrusting =
                    TrustingClients.httpClient(ApiTestServer.selfSigned().certificatePem());

            // a JSON 400 that says to use https, where the TLS layer alone could only send an alert
            HttpResponse<String> refused = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(java.net.URI.create(plain)).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(400, refused.statusCode(), refused.body());
            assertEquals("bad_request", server.json(refused).path("error").asText(), refused.body());
            assertTrue(server.json(refused).path("message").asText().contains("https://"), refused.body());
            assertThrows(
                    IOException.class,
                    () -> untrusting.send(
                            HttpRequest.newBuilder(server.uri(ApiPaths.HEALTHZ)).build(),
                            HttpResponse.BodyHandlers.ofString()));
        }
    }

    @Test
    void servesTls13WithATls13Suite() throws IOException {
        try (ApiTestServer server = ApiTestServer.start();
                SSLSocket socket = TlsSockets.connect(server.tls.certificatePem(), server.api.port(), "TLSv1.3")) {
            assertEquals("TLSv1.3", socket.getSession().getProtocol());
            assertTrue(
                    TLS13_SUITES.contains(socket.getSession().getCipherSuite()),
                    socket.getSession().getCipherSuite());
            assertTrue(TlsSockets.exchange(socket, TlsSockets.get(ApiPaths.HEALTHZ, "none"))
                    .startsWith("HTTP/1.1 200 "));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"})
    void servesEachTls13SuiteOfMozillasIntermediateProfile(String suite) throws IOException {
        try (ApiTestServer server = ApiTestServer.start();
                SSLSocket socket =
                        TlsSockets.connect(server.tls.certificatePem(), server.api.port(), "TLSv1.3", suite)) {
            assertEquals(suite, socket.getSession().getCipherSuite());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"operator-ec", "operator-rsa"})
    void servesTls12WithAForwardSecretAeadSuite(String name) throws IOException {
        try (ApiTestServer server = ApiTestServer.start(ApiTestServer.DEFAULT_MAX_BODY, operator(name));
                SSLSocket socket = TlsSockets.connect(server.tls.certificatePem(), server.api.port(), "TLSv1.2")) {
            String suite = socket.getSession().getCipherSuite();

            assertEquals("TLSv1.2", socket.getSession().getProtocol());
            assertTrue(
                    suite.matches("TLS_ECDHE_(ECDSA|RSA)_WITH_(AES_\\d+_GCM_SHA\\d+|CHACHA20_POLY1305_SHA256)"), suite);
        }
    }

    /**
     * Suites the JDK would serve by default: RSA key exchange (no forward secrecy), CBC, DHE. Against an RSA
     * certificate, since an EC one rules out every RSA suite whatever the server allows.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "TLS_RSA_WITH_AES_128_GCM_SHA256",
                "TLS_RSA_WITH_AES_256_CBC_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
                "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
                "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"
            })
    void refusesTls12SuitesOutsideTheProfile(String weak) throws IOException {
        try (ApiTestServer server = ApiTestServer.start(ApiTestServer.DEFAULT_MAX_BODY, operator("operator-rsa"))) {
            assertThrows(
                    SSLHandshakeException.class,
                    () -> TlsSockets.connect(server.tls.certificatePem(), server.api.port(), "TLSv1.2", weak)
                            .close());
        }
    }

    /**
     * The JDK refuses to offer TLS 1.0 and 1.1 at all, so the ClientHello is written by hand; the server must
     * answer it with an alert (or close), never with a ServerHello.
     */
    @ParameterizedTest
    @ValueSource(strings = {"0301", "0302"})
    void refusesTls10And11(String version) throws IOException {
        try (ApiTestServer server = ApiTestServer.start();
                Socket socket = new Socket("127.0.0.1", server.api.port())) {
            socket.setSoTimeout(TlsSockets.READ_TIMEOUT_MILLIS);
            socket.getOutputStream().write(clientHello(HexFormat.of().parseHex(version)));
            socket.getOutputStream().flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int recordType = in.read();

            assertNotEquals(22, recordType, "the server answered a TLS " + version + " ClientHello with a handshake");
            if (recordType == 21) { // an alert: level, then description 70 protocol_version
                in.readFully(new byte[4]);
                in.readByte();
                assertEquals(70, in.readByte(), "the alert is not protocol_version");
            }
        }
    }

    /** A TLS 1.0/1.1 ClientHello offering the ECDHE and RSA CBC suites every such client offers. */
    private static byte[] clientHello(byte[] version) {
        String suites = "c013c014c009c00a002f0035";
        String extensions = "000a000400020017" // supported_groups: secp256r1
                + "000b00020100"; // ec_point_formats: uncompressed
        String body = HexFormat.of().formatHex(version)
                + "00".repeat(32) // random
                + "00" // no session id
                + String.format("%04x", suites.length() / 2) + suites
                + "0100" // compression: null only
                + String.format("%04x", extensions.length() / 2) + extensions;
        String handshake = "01" + String.format("%06x", body.length() / 2) + body;
        String record =
                "16" + HexFormat.of().formatHex(version) + String.format("%04x", handshake.length() / 2) + handshake;
        return HexFormat.of().parseHex(record);
    }

    private TlsIdentity operator(String name) throws IOException {
        return PemFiles.load(copy(name + ".crt"), copy(name + ".key"));
    }

    private Path copy(String resource) throws IOException {
        try (InputStream in = TlsServingTest.class.getResourceAsStream("/tls/" + resource)) {
            return Files.write(dir.resolve(resource), in.readAllBytes());
        }
    }
}
