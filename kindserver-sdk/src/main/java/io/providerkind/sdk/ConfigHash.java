package io.providerkind.sdk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The {@code configHash} of the wire contract: lowercase hex SHA-256 of a kind config's UTF-8 bytes, exactly
 * as the user gave it. kindserver records it with each cluster; a client computes the same of the config it
 * wants to tell whether the cluster was made with that config.
 */
public final class ConfigHash {

    private ConfigHash() {}

    public static String of(String kindConfig) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(kindConfig.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
