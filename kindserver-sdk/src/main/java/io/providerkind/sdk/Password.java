package io.providerkind.sdk;

/**
 * kindserver's password, kept out of every string the SDK produces: {@link #toString()} hides it and
 * {@link #redact(String)} scrubs it from text that came from elsewhere (an error body may echo a header).
 */
final class Password {

    private static final String HIDDEN = "****";

    private final String value;

    Password(String value) {
        this.value = value;
    }

    String bearerHeader() {
        return "Bearer " + value;
    }

    String redact(String text) {
        return text == null ? null : text.replace(value, HIDDEN);
    }

    @Override
    public String toString() {
        return HIDDEN;
    }
}
