package io.providerkind.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of {@code POST /api/v1/kindserver/{name}}: the kind config as YAML, and who asks for the cluster.
 *
 * @param kindConfig a kind Cluster of {@code kind.x-k8s.io/v1alpha4} as YAML
 * @param owner      an opaque string naming the client's claim on the cluster (at most {@link #MAX_OWNER_LENGTH}
 *                   printable ASCII characters), or null; kindserver records it and refuses the name to every other
 *                   owner, because kind cluster names are global per Docker host
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreateClusterRequest(String kindConfig, String owner) {

    /** The longest owner kindserver takes: a Kubernetes name's length, ample for two UIDs and a separator. */
    public static final int MAX_OWNER_LENGTH = 253;

    /** A request without an owner, as clients before owners sent it. */
    public CreateClusterRequest(String kindConfig) {
        this(kindConfig, null);
    }

    /** True when {@code owner} is one kindserver accepts: 1 to 253 printable ASCII characters (space to ~). */
    public static boolean isValidOwner(String owner) {
        return owner != null
                && !owner.isEmpty()
                && owner.length() <= MAX_OWNER_LENGTH
                && owner.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
    }
}
