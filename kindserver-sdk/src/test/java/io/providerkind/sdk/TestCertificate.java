package io.providerkind.sdk;

import io.providerkind.testsupport.tls.KeyIdentity;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A certificate made in the test (BouncyCastle), with its key, for a TLS server on 127.0.0.1. */
record TestCertificate(X509Certificate certificate, KeyPair keys, TestCertificate issuer) {

    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    /** A CA that can sign server certificates. */
    static TestCertificate authority(String commonName) {
        return issue(commonName, null, true, Instant.now().plus(1, ChronoUnit.DAYS));
    }

    /** A self-signed server certificate for the given names (IP literals become IP SANs). */
    static TestCertificate selfSigned(String... hostNames) {
        return issue("kindserver", null, false, Instant.now().plus(1, ChronoUnit.DAYS), hostNames);
    }

    /** A server certificate signed by this CA. */
    TestCertificate sign(String... hostNames) {
        return issue("kindserver", this, false, Instant.now().plus(1, ChronoUnit.DAYS), hostNames);
    }

    /** A server certificate signed by this CA whose validity ended yesterday. */
    TestCertificate signExpired(String... hostNames) {
        return issue("kindserver", this, false, Instant.now().minus(1, ChronoUnit.DAYS), hostNames);
    }

    String pem() {
        try {
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A server-side SSL context presenting this certificate and its chain. */
    SSLContext serverContext() {
        X509Certificate[] chain = issuer == null
                ? new X509Certificate[] {certificate}
                : new X509Certificate[] {certificate, issuer.certificate};
        return KeyIdentity.sslContext(keys.getPrivate(), chain, null);
    }

    private static TestCertificate issue(
            String commonName, TestCertificate issuer, boolean ca, Instant notAfter, String... hostNames) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=" + commonName);
            X500Name issuerName = issuer == null
                    ? subject
                    : new X500Name(issuer.certificate.getSubjectX500Principal().getName());
            Instant notBefore = notAfter.minus(2, ChronoUnit.DAYS);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    issuerName,
                    BigInteger.valueOf(SERIALS.incrementAndGet()),
                    Date.from(notBefore),
                    Date.from(notAfter),
                    subject,
                    keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (hostNames.length > 0) {
                GeneralName[] names = new GeneralName[hostNames.length];
                for (int i = 0; i < hostNames.length; i++) {
                    boolean ip = hostNames[i].matches("[0-9.]+");
                    names[i] = new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, hostNames[i]);
                }
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            }
            KeyPair signer = issuer == null ? keys : issuer.keys;
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
            return new TestCertificate(certificate, keys, issuer);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
