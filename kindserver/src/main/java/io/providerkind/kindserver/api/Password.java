package io.providerkind.kindserver.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * kindserver's password, held only as its SHA-256 digest: comparing digests with
 * {@link MessageDigest#isEqual} takes the same time whatever the guess and whatever its length, so timing
 * tells an attacker nothing, and the secret itself is never in memory longer than the start-up.
 */
public final class Password {

    private final byte[] digest;

    private Password(byte[] digest) {
        this.digest = digest;
    }

    /**
     * @throws IllegalArgumentException when the password is empty, or could never arrive in an HTTP header
     *                                  (control characters, or leading or trailing white space, which
     *                                  servers strip from header values)
     */
    public static Password of(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("the password is empty");
        }
        if (secret.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("the password contains a control character or a line break "
                    + "(only one trailing newline is dropped from a password file)");
        }
        if (!secret.strip().equals(secret)) {
            throw new IllegalArgumentException(
                    "the password starts or ends with white space, which an HTTP header cannot carry");
        }
        return new Password(sha256(secret));
    }

    /** Constant-time comparison of a candidate with the password; null never matches. */
    public boolean matches(String candidate) {
        if (candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(digest, sha256(candidate));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "****";
    }
}
