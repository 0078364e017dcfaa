package io.providerkind.sdk;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/** The SSL contexts the builder offers besides the JVM default. */
final class TlsContexts {

    private TlsContexts() {}

    /**
     * Trusts exactly the certificates of the PEM bundle (kindserver's self-signed certificate or the CA that
     * signed it), not the JVM's public CAs: a ProviderConfig that names a CA means "this one". Host names are
     * still verified.
     */
    static SSLContext trustingOnly(String caBundlePem) {
        Collection<? extends Certificate> certificates = parse(caBundlePem);
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int index = 0;
            for (Certificate certificate : certificates) {
                trusted.setCertificateEntry("ca-" + index++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            return context(factory.getTrustManagers());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a trust store from caBundle", e);
        }
    }

    /** Trusts any certificate for any host name; see {@link TrustAnyCertificate}. */
    static SSLContext trustingAnyCertificate() {
        try {
            return context(new TrustManager[] {new TrustAnyCertificate()});
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build an SSL context", e);
        }
    }

    private static Collection<? extends Certificate> parse(String pem) {
        Collection<? extends Certificate> certificates;
        try {
            certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("caBundle is not a PEM certificate bundle: " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException(
                    "caBundle holds no certificate; expected one or more '-----BEGIN CERTIFICATE-----' blocks");
        }
        return certificates;
    }

    private static SSLContext context(TrustManager[] trustManagers) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers, null);
        return context;
    }
}
