package io.providerkind.kindserver.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The operator's own PEM files, in the formats openssl and cert-manager write (made with openssl, see resources). */
class PemFilesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"operator-ec", "operator-rsa"})
    void loadsTheKeyFormatsOpensslWrites(String name) throws IOException {
        Path cert = resource(name + ".crt");

        TlsIdentity loaded = PemFiles.load(cert, resource(name + ".key"));

        assertEquals(
                "CN=kindserver.example",
                loaded.certificate().getSubjectX500Principal().getName());
        assertTrue(KeyMatch.matches(loaded.privateKey(), loaded.certificate()));
        assertTrue(loaded.privateKeyPem().startsWith("-----BEGIN PRIVATE KEY-----"), "handed to Jetty as PKCS#8");
    }

    @Test
    void loadsAPkcs8KeyAsKindserverWritesIt() throws IOException {
        TlsIdentity own =
                new SelfSignedCertificates(Clock.systemUTC(), Duration.ofDays(30)).create(List.of("127.0.0.1"), "x");

        TlsIdentity loaded =
                PemFiles.load(write("tls.crt", own.certificatePem()), write("tls.key", own.privateKeyPem()));

        assertEquals(own.fingerprint(), loaded.fingerprint());
    }

    @Test
    void refusesAKeyThatIsNotTheCertificatesNamingBoth() throws IOException {
        TlsSetupException e = assertThrows(
                TlsSetupException.class,
                () -> PemFiles.load(resource("operator-ec.crt"), resource("operator-rsa.key")));

        assertTrue(
                e.getMessage().contains("--tls-key")
                        && e.getMessage().contains("operator-rsa.key")
                        && e.getMessage().contains("operator-ec.crt"),
                e.getMessage());
    }

    @Test
    void refusesAnEncryptedKeySayingHowToDecryptIt() throws IOException {
        TlsSetupException e = assertThrows(
                TlsSetupException.class,
                () -> PemFiles.load(resource("operator-ec.crt"), resource("operator-ec-encrypted.key")));

        assertTrue(e.getMessage().contains("encrypted") && e.getMessage().contains("openssl pkcs8"), e.getMessage());
    }

    @Test
    void namesTheFileThatIsMissingOrNotPem() throws IOException {
        TlsSetupException missing = assertThrows(
                TlsSetupException.class, () -> PemFiles.load(resource("operator-ec.crt"), dir.resolve("absent.key")));
        TlsSetupException notPem = assertThrows(
                TlsSetupException.class, () -> PemFiles.load(write("bad.crt", "hello"), resource("operator-ec.key")));
        TlsSetupException keyNotPem = assertThrows(
                TlsSetupException.class, () -> PemFiles.load(resource("operator-ec.crt"), resource("operator-ec.crt")));

        assertTrue(
                missing.getMessage().contains("--tls-key")
                        && missing.getMessage().contains("absent.key"),
                missing.getMessage());
        assertTrue(
                notPem.getMessage().contains("--tls-cert")
                        && notPem.getMessage().contains("bad.crt"),
                notPem.getMessage());
        assertTrue(keyNotPem.getMessage().contains("holds no PEM private key"), keyNotPem.getMessage());
    }

    private Path resource(String name) throws IOException {
        try (InputStream in = PemFilesTest.class.getResourceAsStream("/tls/" + name)) {
            return Files.write(dir.resolve(name), in.readAllBytes());
        }
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
