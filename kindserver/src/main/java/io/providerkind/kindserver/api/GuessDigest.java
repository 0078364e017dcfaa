package io.providerkind.kindserver.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed digest of a wrong password, so that the throttle can recognise one sent again without keeping it:
 * the key is random and lives only in this process, so a heap dump does not give an offline dictionary check.
 */
final class GuessDigest {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    GuessDigest() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    /** 128 bits of the HMAC: collisions between two guesses of one address are out of reach. */
    String of(String presented) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal((presented == null ? "" : presented).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
        } catch (GeneralSecurityException e) {
            // every JRE ships HmacSHA256 (a required algorithm of the Java SE platform)
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }
}
