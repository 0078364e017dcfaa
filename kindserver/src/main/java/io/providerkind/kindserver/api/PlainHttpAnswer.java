package io.providerkind.kindserver.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.OptionalSslConnectionFactory;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;

/**
 * Answers a plain-HTTP request on the HTTPS port with kindserver's JSON 400 and closes; the request is never
 * served. Without it the TLS layer answers with a TLS alert, which curl and browsers report as an opaque
 * "wrong version number" instead of telling the operator to use https://. TLS connections pass through unchanged.
 */
final class PlainHttpAnswer extends OptionalSslConnectionFactory {

    private final ByteBuffer answer;

    PlainHttpAnswer(SslConnectionFactory tls, JsonErrorHandler errors) {
        super(tls, null); // no protocol to hand plain bytes to: otherProtocol answers them
        byte[] body = errors.body(400, "kindserver speaks HTTPS only on this port: use https://");
        byte[] head = ("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        this.answer = ByteBuffer.allocate(head.length + body.length)
                .put(head)
                .put(body)
                .flip()
                .asReadOnlyBuffer();
    }

    @Override
    protected void otherProtocol(ByteBuffer buffer, EndPoint endPoint) {
        // Jetty's own version logs a warning for every such request and answers with an HTML page
        endPoint.write(Callback.from(endPoint::close, failed -> endPoint.close()), answer.duplicate());
    }
}
