package io.providerkind.sdk;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON wire format of the kindserver API, shared by the SDK and kindserver so both sides agree:
 * instants as ISO-8601 strings ({@code 2025-03-31T10:15:30Z}), unknown fields ignored so that either side
 * can add fields without breaking the other.
 */
public final class KindServerJson {

    private KindServerJson() {}

    /** A new, fully configured mapper; share it, it is thread-safe once built. */
    public static ObjectMapper newObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
