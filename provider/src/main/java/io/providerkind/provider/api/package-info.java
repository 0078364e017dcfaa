/**
 * The provider's Kubernetes API: the custom resources it serves ({@link KindCluster}, {@link ProviderConfig},
 * {@link ProviderConfigUsage}) with their spec and status records, and the Java shapes of crossplane-runtime's common
 * types ({@link Managed}, {@link Condition}, references, selectors, policies). package/crds is generated from these
 * types and a test fails when they differ, so a change here changes the CRDs users apply. Types only: no reconciling,
 * no client calls.
 */
package io.providerkind.provider.api;
