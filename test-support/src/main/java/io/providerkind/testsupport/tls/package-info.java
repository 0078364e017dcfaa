/**
 * TLS for tests: trust in exactly one PEM bundle ({@link io.providerkind.testsupport.tls.PemTrust}), a context that
 * presents a key and its chain, for test servers and client certificates
 * ({@link io.providerkind.testsupport.tls.KeyIdentity}), raw TLS connections with chosen versions, suites and bytes
 * ({@link io.providerkind.testsupport.tls.TlsSockets}), and single HTTPS requests from a chosen loopback address
 * ({@link io.providerkind.testsupport.tls.HttpsFrom}).
 */
package io.providerkind.testsupport.tls;
