package io.providerkind.install.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.providerkind.install.RepositoryPaths;
import io.providerkind.testsupport.FreePort;
import io.providerkind.testsupport.process.JavaProcess;
import io.providerkind.testsupport.realparts.RequiresDocker;
import io.providerkind.testsupport.tls.HttpsFrom;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kindserver.jar started as the README starts it: a password in KINDSERVER_PASSWORD, no certificate of
 * its own. It answers its health probe over HTTPS with the self-signed certificate it keeps in its state
 * dir (the file the README tells users to trust), logs that certificate's fingerprint, and wants the
 * password for everything else.
 */
@RequiresDocker
class KindServerJarIT {

    private static final RepositoryPaths PATHS = RepositoryPaths.locate();
    private static final String PASSWORD = "correct horse battery staple";
    // two clients on this host: Linux routes all of 127.0.0.0/8 to the loopback interface
    private static final InetAddress LOOPBACK = loopback(1);
    private static final InetAddress OTHER_LOOPBACK = loopback(2);

    @TempDir
    Path tmp;

    private static InetAddress loopback(int last) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void answersHealthOverHttpsWithTheSelfSignedCertificateInItsStateDir() throws Exception {
        try (ServingKindServerJar jar = ServingKindServerJar.start(tmp, PASSWORD)) {
            JavaProcess kindserver = jar.process();
            int port = jar.port();
            Path state = jar.stateDir();
            Path certificate = state.resolve("tls/kindserver.crt");
            Http https = Http.trusting(certificate);
            String base = "https://127.0.0.1:" + port;

            assertEquals(200, https.get(base + "/healthz").statusCode(), kindserver.log());
            assertEquals(401, https.get(base + "/api/v1/kindserver").statusCode(), "no password, no clusters");
            HttpResponse<String> list = https.get(base + "/api/v1/kindserver", "Authorization", "Bearer " + PASSWORD);
            assertEquals(200, list.statusCode(), list.body());
            assertTrue(list.body().contains("\"clusters\""), list.body());
            assertTrue(
                    kindserver.log().contains(fingerprint(certificate)),
                    "the log names the certificate's SHA-256 fingerprint, for users who pin it:\n" + kindserver.log());
            assertTrue(!kindserver.log().contains(PASSWORD), "the password never appears in the log");

            int exit = kindserver.stop(Duration.ofSeconds(60));
            assertTrue(exit == 0 || exit == 143, "a clean stop on SIGTERM, got " + exit + ":\n" + kindserver.log());
        }
    }

    @Test
    void refusesToStartWithoutAPassword() throws Exception {
        try (JavaProcess kindserver = new PackagedJar(PATHS.kindserverJar())
                .start(
                        List.of(
                                "--listen",
                                "127.0.0.1:" + FreePort.onLoopback(),
                                "--state-dir",
                                tmp.resolve("state").toString()),
                        Map.of(),
                        List.of("KINDSERVER_PASSWORD", "KINDSERVER_PASSWORD_FILE"),
                        tmp.resolve("kindserver.log"))) {
            int exit = kindserver.exitCode(Duration.ofSeconds(60));
            assertNotEquals(0, exit);
            assertTrue(kindserver.log().toLowerCase().contains("password"), kindserver.log());
        }
    }

    @Test
    void refusesA15CharacterPasswordWithExitStatus2AndAOneLineHowTo() throws Exception {
        String fifteen = "0123456789abcde";
        try (JavaProcess kindserver = new PackagedJar(PATHS.kindserverJar())
                .start(
                        List.of(
                                "--listen",
                                "127.0.0.1:" + FreePort.onLoopback(),
                                "--state-dir",
                                tmp.resolve("state").toString()),
                        Map.of("KINDSERVER_PASSWORD", fifteen),
                        List.of("KINDSERVER_PASSWORD_FILE"),
                        tmp.resolve("kindserver.log"))) {
            int exit = kindserver.exitCode(Duration.ofSeconds(60));

            assertEquals(2, exit, kindserver.log());
            List<String> said = kindserver
                    .log()
                    .lines()
                    .filter(line -> line.contains("shorter than 16 characters"))
                    .toList();
            assertEquals(1, said.size(), kindserver.log());
            assertTrue(said.get(0).contains("openssl rand -hex 16"), "the same line says how: " + said.get(0));
            assertFalse(kindserver.log().contains(fifteen), "the password never appears in the log");
        }
    }

    @Test
    void guessedPasswordsGet429WithRetryAfterAndAreCountedWhileAStaleOneAndAnotherAddressAreNot() throws Exception {
        try (ServingKindServerJar jar = ServingKindServerJar.start(tmp, PASSWORD)) {
            JavaProcess kindserver = jar.process();
            int port = jar.port();
            Path state = jar.stateDir();
            String ca = Files.readString(state.resolve("tls/kindserver.crt"));
            URI clusters = URI.create("https://127.0.0.1:" + port + "/api/v1/kindserver");
            Map<String, String> stale = Map.of("Authorization", "Bearer the-password-before-rotation");
            for (int retry = 0; retry < 10; retry++) {
                assertEquals(401, HttpsFrom.get(ca, LOOPBACK, clusters, stale).status(), "a stale password, again");
            }

            int refused = 10;
            for (int guess = 1; guess < 5; guess++, refused++) {
                assertEquals(
                        401, HttpsFrom.get(ca, LOOPBACK, clusters, guess(guess)).status(), "guess " + guess);
            }
            // the real clock runs on: a block may end before the next call, and each wrong password after one
            // doubles the next (1 s, 2 s, 4 s ...), so a 429 comes within a few calls however slow this machine is
            HttpsFrom.Answer throttled = HttpsFrom.get(ca, LOOPBACK, clusters, guess(5));
            for (int guess = 6; throttled.status() == 401 && guess < 10; guess++) {
                refused++;
                throttled = HttpsFrom.get(ca, LOOPBACK, clusters, guess(guess));
            }
            assertEquals(429, throttled.status(), throttled.body());
            assertTrue(throttled.body().contains("\"too_many_requests\""), throttled.body());
            assertTrue(
                    Integer.parseInt(throttled.header("Retry-After").orElse("0")) >= 1,
                    throttled.headers().toString());

            Map<String, String> right = Map.of("Authorization", "Bearer " + PASSWORD);
            assertEquals(200, HttpsFrom.get(ca, OTHER_LOOPBACK, clusters, right).status(), "another address");
            HttpsFrom.Answer metrics =
                    HttpsFrom.get(ca, OTHER_LOOPBACK, URI.create("https://127.0.0.1:" + port + "/metrics"), right);
            assertEquals(200, metrics.status());
            assertEquals(refused, counter(metrics.body(), "kindserver_authentication_failures_total"), metrics.body());
            assertEquals(1, counter(metrics.body(), "kindserver_authentication_throttled_total"), metrics.body());
            assertFalse(kindserver.log().contains(PASSWORD), "the password never appears in the log");
        }
    }

    private static Map<String, String> guess(int n) {
        return Map.of("Authorization", "Bearer guess-" + n);
    }

    private static long counter(String prometheusText, String name) {
        return prometheusText
                .lines()
                .filter(line -> line.startsWith(name + " "))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(name.length() + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in\n" + prometheusText));
    }

    /** As {@code openssl x509 -noout -fingerprint -sha256} prints it. */
    private static String fingerprint(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            X509Certificate certificate =
                    (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        }
    }
}
