package io.providerkind.kindserver.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PortRangeTest {

    @Test
    void parsesTheFlagForm() {
        PortRange range = PortRange.parse("36443-36999");
        assertEquals(new PortRange(36443, 36999), range);
        assertEquals(557, range.size());
        assertTrue(range.contains(36443) && range.contains(36999));
        assertFalse(range.contains(36442) || range.contains(37000));
        assertEquals("36443-36999", range.toString());
    }

    @Test
    void aSinglePortIsARangeOfOne() {
        assertEquals(1, PortRange.parse(" 40000 ").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "36999-36443", "0-10", "65000-70000", "1-2-3", "-5"})
    void rejectsWhatIsNotARange(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PortRange.parse(text));
        assertTrue(e.getMessage().contains("range"), e.getMessage());
    }
}
