package io.providerkind.kindserver.tls;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.Optional;

/**
 * Whether a private key belongs to a certificate, checked by signing with the one and verifying with the
 * other, which works for every key type without digging into key parameters. A mismatch would otherwise
 * only show as a handshake failure on the client side, far from the cause.
 */
final class KeyMatch {

    private static final byte[] CHALLENGE = "kindserver key check".getBytes(StandardCharsets.US_ASCII);

    private KeyMatch() {}

    static boolean matches(PrivateKey key, X509Certificate certificate) {
        Optional<String> algorithm = signatureAlgorithm(key);
        if (algorithm.isEmpty()) {
            return true; // a key type we cannot test; the TLS stack will judge it
        }
        try {
            Signature signer = Signature.getInstance(algorithm.get());
            signer.initSign(key);
            signer.update(CHALLENGE);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm.get());
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(CHALLENGE);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * By the key's interface, not its algorithm name: the same EC key is "EC" from the JDK but "ECDSA" from
     * BouncyCastle, which becomes the PEM converter's choice once any library has registered it.
     */
    private static Optional<String> signatureAlgorithm(PrivateKey key) {
        if (key instanceof ECPrivateKey) {
            return Optional.of("SHA256withECDSA");
        }
        if (key instanceof RSAPrivateKey && !"RSASSA-PSS".equals(key.getAlgorithm())) {
            return Optional.of("SHA256withRSA");
        }
        if (key instanceof EdECPrivateKey edwards) {
            return Optional.of(edwards.getParams().getName());
        }
        return Optional.empty();
    }
}
