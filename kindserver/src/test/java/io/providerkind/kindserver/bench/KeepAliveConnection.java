package io.providerkind.kindserver.bench;

import io.providerkind.testsupport.tls.PemTrust;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.net.ssl.SSLSocket;

/**
 * One keep-alive HTTP/1.1 connection over TLS 1.3 to a server on 127.0.0.1 that sends one fixed GET again and
 * again: the least a client can do per request, so that the measurement is the server's, not an HTTP client's.
 */
final class KeepAliveConnection implements AutoCloseable {

    /** One answer: its status and body. */
    record Answer(int status, byte[] body) {}

    private final SSLSocket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] request;

    private KeepAliveConnection(SSLSocket socket, byte[] request) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 32 * 1024);
        this.out = socket.getOutputStream();
        this.request = request;
    }

    /** A handshaken connection trusting exactly {@code caPem}, ready to send GET {@code path} with {@code password}. */
    static KeepAliveConnection open(String caPem, int port, String path, String password) throws IOException {
        SSLSocket socket =
                (SSLSocket) PemTrust.sslContext(caPem).getSocketFactory().createSocket("127.0.0.1", port);
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            socket.setEnabledProtocols(new String[] {"TLSv1.3"});
            socket.startHandshake();
            String head = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer "
                    + password + "\r\nAccept: application/json\r\n\r\n";
            return new KeepAliveConnection(socket, head.getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends the request and reads the whole answer. */
    Answer get() throws IOException {
        out.write(request);
        out.flush();
        int status = -1;
        long length = -1;
        boolean chunked = false;
        String line = readLine();
        if (line.length() >= 12 && line.startsWith("HTTP/1.1 ")) {
            status = Integer.parseInt(line.substring(9, 12));
        }
        while (!(line = readLine()).isEmpty()) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (status < 0) {
            throw new IOException("not an HTTP/1.1 answer");
        }
        return new Answer(status, chunked ? readChunked() : readExactly(Math.max(0, length)));
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = readLine();
            int semicolon = size.indexOf(';');
            int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
            if (n == 0) {
                while (!readLine().isEmpty()) {
                    // trailers: none expected, skipped
                }
                return body.toByteArray();
            }
            body.write(readExactly(n));
            readLine();
        }
    }

    private byte[] readExactly(long length) throws IOException {
        byte[] bytes = in.readNBytes((int) length);
        if (bytes.length != length) {
            throw new IOException("connection closed in the body");
        }
        return bytes;
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("connection closed in the head");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
