package io.providerkind.kindserver.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListenAddressTest {

    @Test
    void readsTheFormsOperatorsWrite() {
        assertEquals(new ListenAddress("0.0.0.0", 7443), ListenAddress.parse("0.0.0.0:7443"));
        assertEquals(new ListenAddress("0.0.0.0", 7443), ListenAddress.parse(":7443"));
        assertEquals(new ListenAddress("::", 7443), ListenAddress.parse("[::]:7443"));
        assertEquals(new ListenAddress("kindserver.lan", 0), ListenAddress.parse(" kindserver.lan:0 "));
        assertEquals("[::1]:7443", ListenAddress.parse("[::1]:7443").toString());
    }

    @Test
    void knowsWhenItBindsEveryInterface() {
        assertTrue(ListenAddress.parse("0.0.0.0:1").wildcard());
        assertTrue(ListenAddress.parse("[::]:1").wildcard());
        assertFalse(ListenAddress.parse("127.0.0.1:1").wildcard());
    }

    @ParameterizedTest
    @ValueSource(strings = {"7443", "host:", "host:port", "::1:7443", "host:70000", "host:-1", ""})
    void refusesWhatIsNotHostAndPort(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ListenAddress.parse(text));

        assertTrue(e.getMessage().contains("listen"), e.getMessage());
    }
}
