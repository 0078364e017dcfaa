/**
 * TLS for test clients: trust in exactly one PEM bundle ({@link io.providerkind.testsupport.tls.PemTrust}), raw TLS
 * connections with chosen versions, suites and bytes ({@link io.providerkind.testsupport.tls.TlsSockets}), and
 * single HTTPS requests from a chosen loopback address ({@link io.providerkind.testsupport.tls.HttpsFrom}).
 */
package io.providerkind.testsupport.tls;
