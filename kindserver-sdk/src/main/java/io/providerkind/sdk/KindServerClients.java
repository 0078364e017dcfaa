package io.providerkind.sdk;

/**
 * Entry point of the SDK: {@code KindServerClients.builder().endpoint(...).password(...).build()}.
 *
 * <p>A factory class rather than a static method on {@link KindServerClient} so that the interface stays a
 * pure contract that tests and other implementations can fulfil without inheriting HTTP machinery.
 */
public final class KindServerClients {

    private KindServerClients() {}

    /** A builder with the defaults: the JVM's trust store, 5 s to connect, 30 s per call. */
    public static KindServerClientBuilder builder() {
        return new KindServerClientBuilder();
    }
}
