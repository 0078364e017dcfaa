/**
 * Test support shared by the provider's test packages: {@link ProviderIntegrationTest} is the base of every test on a
 * real API server (kube-api-test, one for the whole test JVM: {@link SharedApiServer}), {@link ProviderHarness} runs
 * the provider in-process against it with package/crds applied, {@link FakeKindServer} is kindserver's contract in
 * memory behind the client factory, and {@link WebhookReceiver} stands in for a drift alert receiver. What every
 * module's tests share (waiting, the rule for missing real parts) comes from the test-support module.
 */
package io.providerkind.provider.testing;
