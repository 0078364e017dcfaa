/**
 * Starts the built artefacts the way the README and the Makefile do and checks what an operator sees: kindserver.jar
 * and provider.jar as {@code java -jar} processes, and the provider image as a container against a real API server
 * ({@code KindServerJarIT}, {@code ProviderJarIT}, {@code ProviderImageIT}, run by failsafe), and that kindserver.jar
 * refuses hostile input and transport abuse cleanly ({@code HostileInputJarIT}, {@code TransportAbuseJarIT}). The
 * other classes are small helpers for the packaged jars, the provider container, HTTP, kubeconfigs and the package's
 * CRDs; processes, the docker CLI, raw TLS sockets and waiting come from the test-support module.
 */
package io.providerkind.install.launch;
