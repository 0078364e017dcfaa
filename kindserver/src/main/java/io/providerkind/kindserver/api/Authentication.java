package io.providerkind.kindserver.api;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.Header;
import java.util.Locale;

/**
 * Checks the password on every matched route that is not {@link Access#PUBLIC}. The password comes as
 * {@code Authorization: Bearer <password>} or, as the seed's curl users send it, as the bare header value.
 * Both readings are compared every time (with {@code |}, not {@code ||}) so that the time taken does not
 * tell which form was tried.
 */
final class Authentication implements Handler {

    static final String CHALLENGE = "Bearer realm=\"kindserver\"";
    private static final String BEARER = "bearer ";

    private final Password password;

    Authentication(Password password) {
        this.password = password;
    }

    @Override
    public void handle(Context ctx) {
        if (ctx.routeRoles().contains(Access.PUBLIC)) {
            return;
        }
        String header = ctx.header(Header.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            ctx.header(Header.WWW_AUTHENTICATE, CHALLENGE);
            throw ApiException.unauthorized("this call needs the password: send 'Authorization: Bearer <password>'");
        }
        String value = header.strip();
        String bearer = value.toLowerCase(Locale.ROOT).startsWith(BEARER)
                ? value.substring(BEARER.length()).strip()
                : null;
        if (!(password.matches(value) | password.matches(bearer))) {
            ctx.header(Header.WWW_AUTHENTICATE, CHALLENGE + ", error=\"invalid_token\"");
            throw ApiException.unauthorized("wrong password");
        }
    }
}
