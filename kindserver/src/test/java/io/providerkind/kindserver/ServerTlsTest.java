package io.providerkind.kindserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.providerkind.kindserver.api.Password;
import io.providerkind.kindserver.config.KindServerSettings;
import io.providerkind.kindserver.config.ListenAddress;
import io.providerkind.kindserver.config.TlsFiles;
import io.providerkind.kindserver.net.PortRange;
import io.providerkind.kindserver.testing.LogCapture;
import io.providerkind.kindserver.tls.TlsIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerTlsTest {

    @TempDir
    Path stateDir;

    private KindServerSettings settings(ListenAddress listen, Optional<TlsFiles> tlsFiles) {
        return new KindServerSettings(
                listen,
                Password.of("a-test-password-of-32-characters"),
                tlsFiles,
                stateDir,
                "kind",
                Optional.empty(),
                new PortRange(36443, 36999),
                2,
                1 << 20,
                false);
    }

    @Test
    void logsTheSelfSignedFingerprintAtEveryStartAndMakesTheCertificateOnlyOnce() {
        KindServerSettings settings = settings(new ListenAddress("0.0.0.0", 7443), Optional.empty());
        try (LogCapture logs = new LogCapture()) {
            TlsIdentity first = new ServerTls(Clock.systemUTC()).identity(settings, Optional.of("127.0.0.9"));
            TlsIdentity second = new ServerTls(Clock.systemUTC()).identity(settings, Optional.of("127.0.0.9"));

            assertEquals(first.fingerprint(), second.fingerprint());
            String text = logs.text();
            assertEquals(2, text.split("SHA-256 fingerprint " + first.fingerprint(), -1).length - 1, text);
            assertEquals(1, text.split("made a self-signed certificate", -1).length - 1, text);
            assertTrue(text.contains(stateDir.resolve("tls/kindserver.crt").toString()), "names the CA bundle file");
        }
    }

    @Test
    void namesTheAdvertiseAddressLoopbackAndASpecificListenAddress() {
        assertEquals(
                List.of("127.0.0.9", "localhost", "127.0.0.1"),
                List.copyOf(ServerTls.names(
                        settings(new ListenAddress("0.0.0.0", 7443), Optional.empty()), Optional.of("127.0.0.9"))));
        assertEquals(
                List.of("localhost", "127.0.0.1", "kindserver.lan"),
                List.copyOf(ServerTls.names(
                        settings(new ListenAddress("kindserver.lan", 7443), Optional.empty()), Optional.empty())));
    }

    @Test
    void usesThePemFilesWhenGivenAndMakesNothingInTheStateDir() throws IOException {
        Path cert = copy("operator-ec.crt");
        Path key = copy("operator-ec.key");
        try (LogCapture logs = new LogCapture()) {
            TlsIdentity identity = new ServerTls(Clock.systemUTC())
                    .identity(
                            settings(new ListenAddress("0.0.0.0", 7443), Optional.of(new TlsFiles(cert, key))),
                            Optional.of("127.0.0.9"));

            assertEquals(
                    "CN=kindserver.example",
                    identity.certificate().getSubjectX500Principal().getName());
            assertTrue(
                    logs.text().contains("PEM files " + cert) && logs.text().contains(identity.fingerprint()),
                    logs.text());
        }
        assertFalse(Files.exists(stateDir.resolve("tls")));
    }

    private Path copy(String resource) throws IOException {
        try (InputStream in = ServerTlsTest.class.getResourceAsStream("/tls/" + resource)) {
            return Files.write(stateDir.resolveSibling(stateDir.getFileName() + "-" + resource), in.readAllBytes());
        }
    }
}
