package io.providerkind.kindserver.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body within {@code --max-body-bytes}. The limit is enforced while reading, not only from
 * Content-Length, so a chunked body cannot get past it.
 */
final class BoundedBody {

    private final long maxBodyBytes;

    BoundedBody(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    byte[] read(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBodyBytes) {
            throw tooLarge();
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, maxBodyBytes + 1));
            if (body.length > maxBodyBytes) {
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw ApiException.badRequest("the body could not be read: the client stopped sending it");
        }
    }

    private ApiException tooLarge() {
        return ApiException.payloadTooLarge("the body is larger than " + maxBodyBytes
                + " bytes (--max-body-bytes); a kind config is a few kilobytes");
    }
}
