package io.providerkind.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class ConfigHashTest {

    @Test
    void isLowercaseHexSha256OfTheUtf8Text() {
        // sha256("abc") from FIPS 180-2, appendix B.1
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ConfigHash.of("abc"));
        // "é" is two bytes in UTF-8 (c3 a9); in Latin-1 it would be one and hash differently
        assertEquals("4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c", ConfigHash.of("\u00e9"));
    }

    @Test
    void hashesTheTextAsGivenSoEvenTrailingWhitespaceCounts() {
        String config = "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n";
        assertNotEquals(ConfigHash.of(config), ConfigHash.of(config + " "));
    }
}
