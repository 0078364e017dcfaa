package io.providerkind.provider.kindcluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KindServerConnectionTest {

    @ParameterizedTest
    @CsvSource({
        "https://127.0.0.1:7443,                       https://127.0.0.1:7443/api/v1/kindserver",
        "https://127.0.0.1:7443/,                      https://127.0.0.1:7443/api/v1/kindserver",
        "https://127.0.0.1:7443/api/v1/kindserver,     https://127.0.0.1:7443/api/v1/kindserver",
        "https://127.0.0.1:7443/api/v1/kindserver/,    https://127.0.0.1:7443/api/v1/kindserver",
        "https://proxy.example/kindserver-a,           https://proxy.example/kindserver-a",
    })
    void addsTheApiPathOnlyWhenTheUserGaveJustAnAddress(String configured, String expected) {
        assertEquals(expected, KindServerConnection.apiUrl(configured));
    }

    @Test
    void neverShowsThePassword() {
        KindServerConnection connection =
                new KindServerConnection("https://127.0.0.1:7443", "a-test-password-of-32-characters", null, true);

        assertFalse(connection.toString().contains("a-test-password-of-32-characters"));
    }
}
