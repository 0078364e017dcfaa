package io.providerkind.kindserver.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The certificate chain and private key kindserver serves HTTPS with.
 *
 * @param chain      the server's certificate first, then any intermediates
 * @param privateKey the key of the first certificate
 * @param origin     where it came from, for the start-up log (a PEM path, or the state dir's self-signed one)
 */
public record TlsIdentity(List<X509Certificate> chain, PrivateKey privateKey, String origin) {

    public TlsIdentity {
        if (chain == null || chain.isEmpty()) {
            throw new IllegalArgumentException("a TLS identity needs at least one certificate");
        }
        chain = List.copyOf(chain);
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** SHA-256 fingerprint of the server certificate, as operators pin it. */
    public String fingerprint() {
        return Fingerprint.sha256(certificate());
    }

    /** The chain as PEM, which is also the CA bundle clients need when the certificate is self-signed. */
    public String certificatePem() {
        return Pem.certificates(chain);
    }

    /** The key as unencrypted PKCS#8 PEM, the one key format every TLS stack reads. */
    public String privateKeyPem() {
        return Pem.privateKey(privateKey);
    }

    /** Never prints the key: this record ends up in log lines and test failure messages. */
    @Override
    public String toString() {
        return "TlsIdentity[subject=" + certificate().getSubjectX500Principal().getName() + ", sha256=" + fingerprint()
                + ", origin=" + origin + "]";
    }
}
