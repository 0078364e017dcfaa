package io.providerkind.testsupport.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One HTTPS GET sent from a chosen local address, trusting exactly one PEM bundle with host name verification
 * on. Tests of per-address behaviour need a second client address; Java 17's HttpClient cannot bind one, and
 * Linux routes all of 127.0.0.0/8 to the loopback interface, so 127.0.0.2 is a second client on the same host.
 * Speaks HTTP/1.0 so that the server closes the connection after an unframed body.
 */
public final class HttpsFrom {

    /** Status, headers (names in lower case) and body of one answer. */
    public record Answer(int status, Map<String, String> headers, String body) {

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    private HttpsFrom() {}

    /** GET {@code url} from {@code from}, with each {@code headers} entry sent as given. */
    public static Answer get(String caPem, InetAddress from, URI url, Map<String, String> headers) throws IOException {
        try (Socket plain = new Socket()) {
            plain.bind(new InetSocketAddress(from, 0));
            plain.connect(new InetSocketAddress(url.getHost(), url.getPort()), 5_000);
            plain.setSoTimeout(10_000);
            try (SSLSocket socket = (SSLSocket) PemTrust.sslContext(caPem)
                    .getSocketFactory()
                    .createSocket(plain, url.getHost(), url.getPort(), true)) {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                socket.setSSLParameters(parameters);
                StringBuilder request = new StringBuilder("GET " + url.getRawPath() + " HTTP/1.0\r\n")
                        .append("Host: ")
                        .append(url.getHost())
                        .append("\r\n");
                headers.forEach((name, value) ->
                        request.append(name).append(": ").append(value).append("\r\n"));
                OutputStream out = socket.getOutputStream();
                out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1));
            }
        }
    }

    private static Answer parse(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalStateException("not an HTTP answer: " + raw);
        }
        List<String> head = raw.substring(0, end).lines().toList();
        int status = Integer.parseInt(head.get(0).split(" ", 3)[1]);
        Map<String, String> headers = new HashMap<>();
        for (String line : head.subList(1, head.size())) {
            int colon = line.indexOf(':');
            headers.put(
                    line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    line.substring(colon + 1).strip());
        }
        return new Answer(status, Map.copyOf(headers), raw.substring(end + 4));
    }
}
