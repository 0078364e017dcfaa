package io.providerkind.testsupport.tls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * A TLS context that presents one private key with its certificate chain: a test server's identity, or a client
 * certificate from a kubeconfig. The key store lives only in memory, so its password protects nothing and is empty.
 */
public final class KeyIdentity {

    private KeyIdentity() {}

    /**
     * @param chain the key's certificate first, then the certificates that issued it
     * @param trust whom to trust as the other side, or null for the JDK's default trust
     */
    public static SSLContext sslContext(PrivateKey key, Certificate[] chain, TrustManager[] trust) {
        try {
            char[] none = new char[0];
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("identity", key, none, chain);
            KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            managers.init(store, none);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(managers.getKeyManagers(), trust, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot make a TLS context presenting the key: " + e.getMessage(), e);
        }
    }
}
