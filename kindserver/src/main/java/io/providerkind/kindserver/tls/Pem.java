package io.providerkind.kindserver.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads and writes the PEM that operators hand kindserver. Keys are read in every unencrypted form openssl
 * and cert-manager write (PKCS#8, PKCS#1 RSA, SEC1 EC) and always written as PKCS#8.
 */
final class Pem {

    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private Pem() {}

    static List<X509Certificate> readCertificates(String pem, String source) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> certificates =
                    factory
                            .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                            .stream()
                            .map(X509Certificate.class::cast)
                            .toList();
            if (certificates.isEmpty()) {
                throw new TlsSetupException(source + " holds no PEM certificate");
            }
            return certificates;
        } catch (CertificateException e) {
            throw new TlsSetupException(source + " is not a PEM certificate: " + e.getMessage(), e);
        }
    }

    static PrivateKey readPrivateKey(String pem, String source) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object = parser.readObject();
            while (object != null && !isKey(object)) {
                object = parser.readObject();
            }
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (object instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (object instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo) {
                throw new TlsSetupException(source + " is an encrypted key; kindserver needs it unencrypted"
                        + " (openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pem) and protected by file permissions");
            }
            throw new TlsSetupException(source + " holds no PEM private key");
        } catch (IOException | RuntimeException e) {
            if (e instanceof TlsSetupException setup) {
                throw setup;
            }
            throw new TlsSetupException(source + " is not a readable PEM private key: " + e.getMessage(), e);
        }
    }

    static String certificates(List<X509Certificate> chain) {
        StringBuilder out = new StringBuilder();
        for (X509Certificate certificate : chain) {
            try {
                out.append(block("CERTIFICATE", certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new TlsSetupException("certificate cannot be encoded: " + e.getMessage(), e);
            }
        }
        return out.toString();
    }

    static String privateKey(PrivateKey key) {
        // getEncoded() of a JCA private key is PKCS#8 DER
        return block("PRIVATE KEY", key.getEncoded());
    }

    private static boolean isKey(Object object) {
        return object instanceof PEMKeyPair
                || object instanceof PrivateKeyInfo
                || object instanceof PEMEncryptedKeyPair
                || object instanceof PKCS8EncryptedPrivateKeyInfo;
    }

    private static String block(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + BASE64.encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
