package io.providerkind.sdk;

import java.net.Socket;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts every server certificate, for {@code insecureSkipVerify}. It must be an
 * {@link X509ExtendedTrustManager}: the JDK wraps a plain X509TrustManager in one that still checks the
 * host name (the endpoint identification the HttpClient asks for), so only the extended overloads, which
 * receive the engine and do nothing here, skip that check too. This keeps the relaxation to this one
 * client, unlike the JVM-wide {@code jdk.internal.httpclient.disableHostnameVerification} property.
 */
final class TrustAnyCertificate extends X509ExtendedTrustManager {

    private static final X509Certificate[] NO_ISSUERS = new X509Certificate[0];

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return NO_ISSUERS.clone();
    }
}
