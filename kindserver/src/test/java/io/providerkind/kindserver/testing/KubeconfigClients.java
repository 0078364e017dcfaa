package io.providerkind.kindserver.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.providerkind.testsupport.tls.KeyIdentity;
import io.providerkind.testsupport.tls.PemTrust;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Uses a kubeconfig the way kubectl does: trusts only its cluster CA (host name verified), presents its
 * client certificate, and talks to its server. A test passing through this proves the kubeconfig works.
 */
public final class KubeconfigClients {

    private KubeconfigClients() {}

    /** {@code GET <server><path>} with the kubeconfig's credentials; answers status and body. */
    public static HttpResponse<String> get(String kubeconfig, String path) throws IOException, InterruptedException {
        JsonNode root = new YAMLMapper().readTree(kubeconfig);
        JsonNode cluster = root.path("clusters").path(0).path("cluster");
        JsonNode user = root.path("users").path(0).path("user");
        SSLContext tls = sslContext(
                decode(cluster.path("certificate-authority-data").asText()),
                decode(user.path("client-certificate-data").asText()),
                decode(user.path("client-key-data").asText()));
        HttpClient client = HttpClient.newBuilder()
                .sslContext(tls)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(cluster.path("server").asText() + path))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.US_ASCII);
    }

    private static SSLContext sslContext(String caPem, String certPem, String keyPem) throws IOException {
        try {
            Certificate[] chain = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(certPem.getBytes(StandardCharsets.US_ASCII)))
                    .toArray(Certificate[]::new);
            return KeyIdentity.sslContext(privateKey(keyPem), chain, PemTrust.trustManagers(caPem));
        } catch (GeneralSecurityException e) {
            throw new IOException("the kubeconfig's certificates are not usable: " + e.getMessage(), e);
        }
    }

    /** PKCS#1 ("RSA PRIVATE KEY"), SEC1 ("EC PRIVATE KEY") or PKCS#8 ("PRIVATE KEY"), as kubeadm may write. */
    private static PrivateKey privateKey(String pem) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object parsed = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (parsed instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            if (parsed instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            throw new IOException("unexpected key in kubeconfig: " + (parsed == null ? "none" : parsed.getClass()));
        }
    }
}
