package io.providerkind.provider.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;

/**
 * How to reach one kindserver.
 *
 * @param endpoint    URL and TLS trust
 * @param credentials where kindserver's password is
 * @param alerts      optional drift alert webhook
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProviderConfigSpec(
        @Required KindServerEndpoint endpoint, @Required ProviderCredentials credentials, Alerts alerts) {}
