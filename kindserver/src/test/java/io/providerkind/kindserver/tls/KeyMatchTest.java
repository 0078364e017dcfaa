package io.providerkind.kindserver.tls;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

class KeyMatchTest {

    private final SelfSignedCertificates certificates =
            new SelfSignedCertificates(Clock.systemUTC(), Duration.ofDays(1));
    private final TlsIdentity one = certificates.create(List.of("127.0.0.1"), "one");
    private final TlsIdentity other = certificates.create(List.of("127.0.0.1"), "other");

    @Test
    void tellsAPairFromAMismatch() {
        assertTrue(KeyMatch.matches(one.privateKey(), one.certificate()));
        assertFalse(KeyMatch.matches(other.privateKey(), one.certificate()));
    }

    @Test
    void tellsAMismatchWhenTheKeyComesFromBouncyCastle() throws Exception {
        // BouncyCastle names EC keys "ECDSA"; TLS libraries register it, after which PEM keys are read as such
        PrivateKey bouncy = KeyFactory.getInstance("ECDSA", new BouncyCastleProvider())
                .generatePrivate(new PKCS8EncodedKeySpec(other.privateKey().getEncoded()));

        assertFalse(KeyMatch.matches(bouncy, one.certificate()));
        assertTrue(KeyMatch.matches(bouncy, other.certificate()));
    }
}
