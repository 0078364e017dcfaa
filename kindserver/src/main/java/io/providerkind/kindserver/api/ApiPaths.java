package io.providerkind.kindserver.api;

/** kindserver's URL paths, the contract in docs/design.md; constants because OpenAPI annotations need them. */
public final class ApiPaths {

    public static final String CLUSTERS = "/api/v1/kindserver";
    public static final String CLUSTER = CLUSTERS + "/{name}";
    public static final String IMAGES = CLUSTER + "/images";
    public static final String HEALTHZ = "/healthz";
    public static final String READYZ = "/readyz";
    public static final String METRICS = "/metrics";
    public static final String OPENAPI = "/openapi.json";

    private ApiPaths() {}
}
