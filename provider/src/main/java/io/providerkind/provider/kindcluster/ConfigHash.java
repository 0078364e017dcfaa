package io.providerkind.provider.kindcluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * kindserver's {@code configHash}: lowercase hex SHA-256 of the kind config's UTF-8 bytes, exactly as
 * the user gave it. The provider computes the same of spec.forProvider.kindConfig to tell whether the
 * desired config is still the one the cluster was made with.
 */
public final class ConfigHash {

    private ConfigHash() {
    }

    public static String of(String kindConfig) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(kindConfig.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The first twelve hex digits: enough for people to tell two configs apart in a message. */
    public static String abbreviated(String hash) {
        return hash.length() <= 12 ? hash : hash.substring(0, 12);
    }
}
