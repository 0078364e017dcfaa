package io.providerkind.provider.providerconfig;

import io.fabric8.kubernetes.api.model.Secret;
import io.providerkind.provider.api.CredentialsSource;
import io.providerkind.provider.api.ProviderConfigKey;
import io.providerkind.provider.api.ProviderCredentials;
import io.providerkind.provider.api.SecretKeySelector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.function.UnaryOperator;

/**
 * Reads a ProviderConfig's credentials from where they are said to be, as crossplane-runtime's
 * {@code CommonCredentialExtractor}. Errors name the place, never the value.
 *
 * <p>A namespaced ProviderConfig is a tenant's: its password comes only from a Secret of its own namespace. Reading
 * another namespace's Secret, or the provider's environment or files, would let a tenant send someone else's
 * password to an endpoint URL of its choosing.
 */
public final class CredentialsExtractor {

    private final CredentialsSecrets secrets;
    private final UnaryOperator<String> environment;

    public CredentialsExtractor(CredentialsSecrets secrets, UnaryOperator<String> environment) {
        this.secrets = secrets;
        this.environment = environment;
    }

    /** The password of the ProviderConfig with this key, held to its namespace when it is namespaced. */
    public String extract(ProviderConfigKey key, ProviderCredentials credentials) {
        if (key instanceof ProviderConfigKey.Namespaced namespaced) {
            return extractInNamespace(namespaced.namespace(), credentials);
        }
        return extract(credentials);
    }

    public String extract(ProviderCredentials credentials) {
        if (credentials == null || credentials.source() == null) {
            throw new IllegalArgumentException("spec.credentials.source is required");
        }
        return switch (credentials.source()) {
            case Secret -> fromSecret(credentials.secretRef());
            case Environment -> fromEnvironment(credentials);
            case Filesystem -> fromFile(credentials);
        };
    }

    private String extractInNamespace(String namespace, ProviderCredentials credentials) {
        if (credentials == null || credentials.source() != CredentialsSource.Secret) {
            throw new IllegalArgumentException("a namespaced ProviderConfig takes its credentials from a Secret of its"
                    + " own namespace only: spec.credentials.source must be Secret");
        }
        SecretKeySelector ref = credentials.secretRef();
        if (ref != null && ref.namespace() != null && !ref.namespace().equals(namespace)) {
            throw new IllegalArgumentException("a namespaced ProviderConfig takes its credentials from a Secret of its"
                    + " own namespace only: spec.credentials.secretRef.namespace must be \"" + namespace + "\"");
        }
        return fromSecret(ref == null ? null : new SecretKeySelector(namespace, ref.name(), ref.key()));
    }

    private String fromSecret(SecretKeySelector ref) {
        if (ref == null) {
            throw new IllegalArgumentException("cannot extract from secret key when none specified");
        }
        String where = "secret " + ref.namespace() + "/" + ref.name();
        Secret secret = secrets.get(ref.namespace(), ref.name());
        if (secret == null) {
            throw new IllegalArgumentException("cannot get credentials " + where + ": not found");
        }
        if (secret.getData() != null && secret.getData().containsKey(ref.key())) {
            return new String(Base64.getDecoder().decode(secret.getData().get(ref.key())), StandardCharsets.UTF_8);
        }
        if (secret.getStringData() != null && secret.getStringData().containsKey(ref.key())) {
            return secret.getStringData().get(ref.key());
        }
        throw new IllegalArgumentException("credentials " + where + " has no key \"" + ref.key() + "\"");
    }

    private String fromEnvironment(ProviderCredentials credentials) {
        if (credentials.env() == null) {
            throw new IllegalArgumentException("cannot extract from environment variable when none specified");
        }
        String value = environment.apply(credentials.env().name());
        if (value == null) {
            throw new IllegalArgumentException(
                    "environment variable " + credentials.env().name() + " is not set");
        }
        return value;
    }

    private static String fromFile(ProviderCredentials credentials) {
        if (credentials.fs() == null) {
            throw new IllegalArgumentException("cannot extract from filesystem when no path specified");
        }
        try {
            return Files.readString(Path.of(credentials.fs().path()));
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot read credentials file " + credentials.fs().path() + ": "
                            + e.getClass().getSimpleName(),
                    e);
        }
    }
}
