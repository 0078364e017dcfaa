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

    /**
     * Fewest characters accepted: kindserver is root-equivalent on its host, and a short password falls to
     * guessing from many addresses even with {@link AuthenticationThrottle} in the way.
     */
    public static final int MIN_LENGTH = 16;

    /** What to run for a good password; said whenever a password is refused as too short. */
    public static final String HOW_TO_GENERATE =
            "generate one with: openssl rand -hex 16 (or: head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \\n')";

    private final byte[] digest;

    private Password(byte[] digest) {
        this.digest = digest;
    }

    /**
     * @throws IllegalArgumentException when the password is empty or shorter than {@link #MIN_LENGTH}, or could
     *                                  never arrive in an HTTP header (control characters, or leading or
     *                                  trailing white space, which servers strip from header values)
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
        if (secret.codePointCount(0, secret.length()) < MIN_LENGTH) {
            throw new IllegalArgumentException(
                    "the password is shorter than " + MIN_LENGTH + " characters; " + HOW_TO_GENERATE);
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
