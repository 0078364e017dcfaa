package io.providerkind.provider.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/**
 * How to find kindserver's password, with crossplane's credential selectors.
 *
 * @param source    Secret, Environment or Filesystem
 * @param secretRef the Secret key, when source is Secret
 * @param env       the environment variable, when source is Environment
 * @param fs        the file, when source is Filesystem
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProviderCredentials(
        @Required @JsonPropertyDescription("Where kindserver's password is: Secret, Environment or Filesystem.")
        CredentialsSource source,

        SecretKeySelector secretRef,
        EnvironmentSelector env,
        FilesystemSelector fs) {}
