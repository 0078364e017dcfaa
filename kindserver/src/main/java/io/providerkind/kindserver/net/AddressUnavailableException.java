package io.providerkind.kindserver.net;

/** kindserver cannot tell which address its clusters' API servers should listen on. */
public final class AddressUnavailableException extends RuntimeException {

    public AddressUnavailableException(String message) {
        super(message);
    }
}
