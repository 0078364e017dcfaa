package io.providerkind.provider.kindcluster;

/**
 * Everything needed to talk to one kindserver, as read from a ProviderConfig and its credentials.
 *
 * @param url                kindserver's cluster API, e.g. https://172.18.0.1:7443/api/v1/kindserver
 * @param password           kindserver's password; never logged
 * @param caBundle           PEM certificates to trust, or null for the JVM's trust store
 * @param insecureSkipVerify trust any certificate
 */
public record KindServerConnection(String url, String password, String caBundle, boolean insecureSkipVerify) {

    /** The REST API's base path, added when a ProviderConfig names only scheme, host and port. */
    public static final String API_PATH = "/api/v1/kindserver";

    /** Users write kindserver's address; the API lives under {@link #API_PATH}. */
    public static String apiUrl(String configured) {
        String trimmed = configured.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        int authorityStart = trimmed.indexOf("://") + 3;
        boolean hasPath = trimmed.indexOf('/', authorityStart) >= 0;
        return hasPath ? trimmed : trimmed + API_PATH;
    }

    /** Keeps the password out of logs and exception messages. */
    @Override
    public String toString() {
        return "KindServerConnection[url=" + url + ", caBundle=" + (caBundle != null) + ", insecureSkipVerify="
                + insecureSkipVerify + "]";
    }
}
