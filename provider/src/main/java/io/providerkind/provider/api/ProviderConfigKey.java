package io.providerkind.provider.api;

/**
 * Which ProviderConfig a managed resource uses, as one value: the API group and scope tell two ProviderConfigs of the
 * same name apart. team-a's ProviderConfig {@code default}, team-b's and the ClusterProviderConfig {@code default} are
 * three keys, so nothing keyed by them (clients, credentials, usages) is ever shared between tenants.
 */
public sealed interface ProviderConfigKey {

    /** The {@code kind} a ProviderConfigUsage and a {@code providerConfigRef} name. */
    String kind();

    /** The namespace the ProviderConfig lives in, or null when it is cluster scoped. */
    String namespace();

    String name();

    /** For messages: {@code ProviderConfig "team-a/default"}. */
    default String describe() {
        return kind() + " \"" + (namespace() == null ? "" : namespace() + "/") + name() + "\"";
    }

    /** A cluster-scoped {@code kind.crossplane.io} ProviderConfig, the only kind a legacy KindCluster can name. */
    record Legacy(String name) implements ProviderConfigKey {

        @Override
        public String kind() {
            return "ProviderConfig";
        }

        @Override
        public String namespace() {
            return null;
        }
    }

    /** A {@code kind.m.crossplane.io} ClusterProviderConfig: one a platform team shares with every namespace. */
    record Cluster(String name) implements ProviderConfigKey {

        public static final String KIND = "ClusterProviderConfig";

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public String namespace() {
            return null;
        }
    }

    /** A {@code kind.m.crossplane.io} ProviderConfig, usable only by managed resources of its own namespace. */
    record Namespaced(String namespace, String name) implements ProviderConfigKey {

        public static final String KIND = "ProviderConfig";

        @Override
        public String kind() {
            return KIND;
        }
    }
}
