package io.providerkind.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Every error kindserver answers with: a short machine-readable {@code error} code (for example
 * {@code not_found}, {@code conflict}, {@code unauthorized}, {@code bad_request}) and a message for people.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ErrorBody(String error, String message) {
}
