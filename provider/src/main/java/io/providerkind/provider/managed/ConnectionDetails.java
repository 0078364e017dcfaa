package io.providerkind.provider.managed;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Connection details of an external resource (crossplane's {@code managed.ConnectionDetails}): key to
 * raw bytes, compared by content so that unchanged details are recognised as such.
 */
public final class ConnectionDetails {

    private static final ConnectionDetails NONE = new ConnectionDetails(Map.of());

    private final Map<String, byte[]> values;

    private ConnectionDetails(Map<String, byte[]> values) {
        TreeMap<String, byte[]> copy = new TreeMap<>();
        values.forEach((key, value) -> copy.put(key, value.clone()));
        this.values = Collections.unmodifiableMap(copy);
    }

    public static ConnectionDetails none() {
        return NONE;
    }

    public static ConnectionDetails of(Map<String, byte[]> values) {
        return values.isEmpty() ? NONE : new ConnectionDetails(values);
    }

    /** Builds details from text values, leaving out nulls (a value not known yet is not published). */
    public static ConnectionDetails ofText(Map<String, String> values) {
        TreeMap<String, byte[]> bytes = new TreeMap<>();
        values.forEach((key, value) -> {
            if (value != null) {
                bytes.put(key, value.getBytes(StandardCharsets.UTF_8));
            }
        });
        return of(bytes);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Key to value; callers get copies of the byte arrays. */
    public Map<String, byte[]> values() {
        TreeMap<String, byte[]> copy = new TreeMap<>();
        values.forEach((key, value) -> copy.put(key, value.clone()));
        return copy;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof ConnectionDetails that) || values.size() != that.values.size()) {
            return false;
        }
        return values.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), that.values.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        return values.entrySet().stream()
                .mapToInt(e -> e.getKey().hashCode() ^ Arrays.hashCode(e.getValue()))
                .sum();
    }

    /** Names the keys only: connection details are secrets and never appear in logs. */
    @Override
    public String toString() {
        return "ConnectionDetails" + values.keySet();
    }
}
