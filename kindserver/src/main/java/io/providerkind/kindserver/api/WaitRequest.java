package io.providerkind.kindserver.api;

import io.javalin.http.Context;
import io.providerkind.sdk.WaitForChange;
import java.time.Duration;
import java.util.Optional;

/**
 * The long-poll parameters of a GET of one cluster ({@link WaitForChange}), checked: a value that is no ETag, or a
 * timeout that is no whole number of seconds from 1 to {@link WaitForChange#MAX_TIMEOUT}, is a 400.
 *
 * @param etag    the ETag the caller holds, quoted as kindserver writes it (quotes are optional in the request)
 * @param timeout how long to hold the GET at most
 */
record WaitRequest(String etag, Duration timeout) {

    /** The wait a GET asks for; empty for a plain GET. */
    static Optional<WaitRequest> of(Context ctx) {
        String etag = ctx.queryParam(WaitForChange.PARAMETER);
        String seconds = ctx.queryParam(WaitForChange.TIMEOUT_PARAMETER);
        if (etag == null) {
            if (seconds != null) {
                throw ApiException.badRequest(
                        WaitForChange.TIMEOUT_PARAMETER + " needs " + WaitForChange.PARAMETER + " beside it");
            }
            return Optional.empty();
        }
        String quoted = etag.startsWith("\"") ? etag : "\"" + etag + "\"";
        if (!WaitForChange.isEtag(quoted)) {
            throw ApiException.badRequest(
                    WaitForChange.PARAMETER + " must be the ETag of an earlier answer of this GET");
        }
        return Optional.of(new WaitRequest(quoted, timeout(seconds)));
    }

    private static Duration timeout(String seconds) {
        if (seconds == null) {
            return WaitForChange.DEFAULT_TIMEOUT;
        }
        long max = WaitForChange.MAX_TIMEOUT.toSeconds();
        try {
            long value = Long.parseLong(seconds);
            if (value >= 1 && value <= max) {
                return Duration.ofSeconds(value);
            }
        } catch (NumberFormatException notANumber) {
            // answered below, as any value out of range
        }
        throw ApiException.badRequest(WaitForChange.TIMEOUT_PARAMETER + " must be a whole number of seconds from 1 to "
                + max + ", got " + seconds);
    }
}
