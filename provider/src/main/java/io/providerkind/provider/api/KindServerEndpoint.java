package io.providerkind.provider.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/**
 * Where kindserver answers and how to trust its TLS certificate.
 *
 * @param url                kindserver's base URL, e.g. https://172.18.0.1:7443
 * @param caBundle           PEM certificates that sign (or are) kindserver's certificate
 * @param insecureSkipVerify trust any certificate; only for experiments, never with a shared network
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KindServerEndpoint(
        @Required
        @Pattern("^https?://.+")
        @JsonPropertyDescription("kindserver's base URL, e.g. https://172.18.0.1:7443.")
        String url,

        @JsonPropertyDescription("PEM certificates to trust for kindserver's TLS certificate.")
        String caBundle,

        @JsonPropertyDescription("Trust any certificate. Only for experiments on a private machine.")
        Boolean insecureSkipVerify) {

    public boolean skipsVerification() {
        return Boolean.TRUE.equals(insecureSkipVerify);
    }
}
