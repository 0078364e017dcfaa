package io.providerkind.kindserver.api;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.Header;
import io.providerkind.kindserver.api.AuthenticationThrottle.Checked;
import io.providerkind.kindserver.api.AuthenticationThrottle.Credential;
import io.providerkind.kindserver.api.AuthenticationThrottle.Throttled;
import java.util.Locale;

/**
 * Checks the password on every matched route that is not {@link Access#PUBLIC}. The password comes as
 * {@code Authorization: Bearer <password>} or, as the seed's curl users send it, as the bare header value.
 * Both readings are compared every time (with {@code |}, not {@code ||}) so that the time taken does not
 * tell which form was tried. Wrong passwords are counted per client address by {@link AuthenticationThrottle},
 * which answers for a blocked address before its password is read.
 */
final class Authentication implements Handler {

    static final String CHALLENGE = "Bearer realm=\"kindserver\"";
    private static final String BEARER = "bearer ";

    private final Password password;
    private final AuthenticationThrottle throttle;

    Authentication(Password password, AuthenticationThrottle throttle) {
        this.password = password;
        this.throttle = throttle;
    }

    @Override
    public void handle(Context ctx) {
        if (ctx.routeRoles().contains(Access.PUBLIC)) {
            return;
        }
        String header = ctx.header(Header.AUTHORIZATION);
        // the socket's peer, never a forwarded-for header: the client would choose its own address
        var verdict = throttle.attempt(ctx.req().getRemoteAddr(), header, () -> check(header));
        if (verdict instanceof Throttled throttled) {
            ctx.header(Header.RETRY_AFTER, Long.toString(throttled.seconds()));
            throw ApiException.tooManyRequests(
                    "too many wrong passwords from this address; retry after " + throttled.seconds() + " s");
        }
        Credential credential = verdict instanceof Checked checked ? checked.credential() : Credential.WRONG;
        if (credential == Credential.ABSENT) {
            ctx.header(Header.WWW_AUTHENTICATE, CHALLENGE);
            throw ApiException.unauthorized("this call needs the password: send 'Authorization: Bearer <password>'");
        }
        if (credential == Credential.WRONG) {
            ctx.header(Header.WWW_AUTHENTICATE, CHALLENGE + ", error=\"invalid_token\"");
            throw ApiException.unauthorized("wrong password");
        }
    }

    private Credential check(String header) {
        if (header == null || header.isBlank()) {
            return Credential.ABSENT;
        }
        String value = header.strip();
        String bearer = value.toLowerCase(Locale.ROOT).startsWith(BEARER)
                ? value.substring(BEARER.length()).strip()
                : null;
        return password.matches(value) | password.matches(bearer) ? Credential.RIGHT : Credential.WRONG;
    }
}
