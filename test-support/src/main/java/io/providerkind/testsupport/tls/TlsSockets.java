package io.providerkind.testsupport.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Raw TLS connections to a server on loopback, for what no HTTP client lets a test do: pick the protocol
 * version and suites, offer ALPN protocols, renegotiate, write bytes no client would send.
 */
public final class TlsSockets {

    /** How long a read waits before the test fails rather than hangs. */
    public static final int READ_TIMEOUT_MILLIS = 10_000;

    private TlsSockets() {}

    /** A handshaken connection that trusts exactly {@code pem}, with the client's parameters as {@code tune} sets them. */
    public static SSLSocket connect(String pem, int port, Consumer<SSLParameters> tune) throws IOException {
        SSLSocket socket =
                (SSLSocket) PemTrust.sslContext(pem).getSocketFactory().createSocket("127.0.0.1", port);
        try {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            SSLParameters parameters = socket.getSSLParameters();
            tune.accept(parameters);
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** A handshaken connection with one protocol version and the given suites (all the client's when none). */
    public static SSLSocket connect(String pem, int port, String protocol, String... suites) throws IOException {
        return connect(pem, port, parameters -> {
            parameters.setProtocols(new String[] {protocol});
            if (suites.length > 0) {
                parameters.setCipherSuites(suites);
            }
        });
    }

    /** Writes {@code request} as is and reads until the server closes the connection. */
    public static String exchange(Socket socket, String request) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return readToEnd(socket.getInputStream());
    }

    /** What was read until the peer closed; a reset after some bytes keeps the bytes. */
    public static String readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                read.write(buffer, 0, n);
            }
        } catch (IOException e) {
            if (read.size() == 0) {
                throw e;
            }
        }
        return read.toString(StandardCharsets.ISO_8859_1);
    }

    /** A plain GET with the given Authorization header value that asks the server to close afterwards. */
    public static String get(String path, String authorization) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + authorization
                + "\r\nConnection: close\r\n\r\n";
    }
}
