package io.providerkind.kindserver.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedIdentityStoreTest {

    private static final List<String> NAMES = List.of("127.0.0.9", "localhost", "127.0.0.1");
    private static final Instant NOW = Instant.parse("2025-03-31T10:00:00Z");

    @TempDir
    Path stateDir;

    private SelfSignedIdentityStore store(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new SelfSignedIdentityStore(
                stateDir, new SelfSignedCertificates(clock, Duration.ofDays(730)), clock, Duration.ofDays(30));
    }

    @Test
    void makesTheCertificateOnceAndReusesItOnRestart() throws IOException {
        TlsIdentity first = store(NOW).loadOrCreate(NAMES);
        String keptPem = Files.readString(stateDir.resolve("tls/kindserver.crt"));

        TlsIdentity second = store(NOW.plus(Duration.ofDays(100))).loadOrCreate(NAMES);

        assertEquals(first.fingerprint(), second.fingerprint());
        assertEquals(keptPem, Files.readString(stateDir.resolve("tls/kindserver.crt")));
        assertTrue(KeyMatch.matches(second.privateKey(), first.certificate()), "the same key was kept");
    }

    @Test
    void namesTheAdvertiseAddressLocalhostAndLoopbackAndServesOnlyAsAServer() throws Exception {
        X509Certificate certificate = store(NOW).loadOrCreate(NAMES).certificate();

        assertEquals(
                Set.of("127.0.0.9", "localhost", "127.0.0.1"),
                SelfSignedIdentityStore.subjectAlternativeNames(certificate));
        assertEquals(-1, certificate.getBasicConstraints(), "not a CA");
        assertEquals(List.of("1.3.6.1.5.5.7.3.1"), certificate.getExtendedKeyUsage());
        assertEquals("EC", certificate.getPublicKey().getAlgorithm());
        assertTrue(Duration.between(NOW, certificate.getNotAfter().toInstant()).toDays() >= 365);
        certificate.verify(certificate.getPublicKey()); // self-signed: it is its own CA bundle
    }

    @Test
    void keepsTheKeyReadableByItsOwnerOnly() throws IOException {
        store(NOW).loadOrCreate(NAMES);

        assertEquals(
                "rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(stateDir.resolve("tls/kindserver.key"))));
        assertEquals(
                "rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(stateDir.resolve("tls"))));
        assertTrue(Files.readString(stateDir.resolve("tls/kindserver.key")).startsWith("-----BEGIN PRIVATE KEY-----"));
    }

    @Test
    void replacesTheCertificateWhenTheAdvertiseAddressIsNotInIt() {
        TlsIdentity first = store(NOW).loadOrCreate(NAMES);

        TlsIdentity second = store(NOW).loadOrCreate(List.of("127.0.0.10", "localhost", "127.0.0.1"));

        assertNotEquals(first.fingerprint(), second.fingerprint());
        assertTrue(SelfSignedIdentityStore.subjectAlternativeNames(second.certificate())
                .contains("127.0.0.10"));
    }

    @Test
    void replacesTheCertificateShortlyBeforeItExpires() {
        TlsIdentity first = store(NOW).loadOrCreate(NAMES);

        TlsIdentity second = store(NOW.plus(Duration.ofDays(710))).loadOrCreate(NAMES);

        assertNotEquals(first.fingerprint(), second.fingerprint());
    }

    @Test
    void replacesAnUnreadableOrMismatchedPair() throws IOException {
        TlsIdentity first = store(NOW).loadOrCreate(NAMES);
        Files.writeString(stateDir.resolve("tls/kindserver.key"), "garbage");

        TlsIdentity repaired = store(NOW).loadOrCreate(NAMES);
        Files.writeString(
                stateDir.resolve("tls/kindserver.key"),
                new SelfSignedCertificates(Clock.systemUTC(), Duration.ofDays(1))
                        .create(NAMES, "other")
                        .privateKeyPem());
        TlsIdentity rematched = store(NOW).loadOrCreate(NAMES);

        assertNotEquals(first.fingerprint(), repaired.fingerprint());
        assertNotEquals(repaired.fingerprint(), rematched.fingerprint());
        assertTrue(KeyMatch.matches(rematched.privateKey(), rematched.certificate()));
    }

    @Test
    void comparesIpv6NamesByValue() {
        store(NOW).loadOrCreate(List.of("::1", "localhost"));

        TlsIdentity again = store(NOW).loadOrCreate(List.of("0:0:0:0:0:0:0:1", "LOCALHOST"));

        assertTrue(SelfSignedIdentityStore.subjectAlternativeNames(again.certificate())
                .contains("0:0:0:0:0:0:0:1"));
    }

    @Test
    void neverPrintsTheKey() {
        TlsIdentity identity = store(NOW).loadOrCreate(NAMES);

        String printed = identity.toString();

        assertFalse(printed.contains("PRIVATE KEY")
                || printed.contains(
                        identity.privateKeyPem().lines().skip(1).findFirst().orElseThrow()));
        assertTrue(printed.contains(identity.fingerprint()));
    }
}
