/**
 * ProviderConfigs as crossplane-runtime treats them: {@link ProviderConfigReconciler} keeps one from being deleted
 * while ProviderConfigUsages name it, {@link ProviderConfigUsageTracker} records those usages, and
 * {@link CredentialsExtractor} with {@link CredentialsSecrets} reads the kindserver password from where the
 * ProviderConfig says (a watched Secret, the environment or a file). Errors name the place, never the value.
 */
package io.providerkind.provider.providerconfig;
