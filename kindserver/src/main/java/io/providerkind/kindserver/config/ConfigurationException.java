package io.providerkind.kindserver.config;

/** The flags and environment do not describe a kindserver that can start; the message says what to change. */
public final class ConfigurationException extends RuntimeException {

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
