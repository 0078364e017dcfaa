package io.providerkind.testsupport;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/** Answers of the JDK's {@code HttpServer} that tests run as stand-ins for a JSON API, written once. */
public final class JsonExchanges {

    private JsonExchanges() {}

    /** Answers {@code status} with {@code json} as the body ({@code application/json}) and ends the exchange. */
    public static void send(HttpExchange exchange, int status, byte[] json) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
    }
}
