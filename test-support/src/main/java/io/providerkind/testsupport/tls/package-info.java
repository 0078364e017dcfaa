/**
 * TLS for test clients: trust in exactly one PEM bundle ({@link io.providerkind.testsupport.tls.PemTrust}), and
 * single HTTPS requests from a chosen loopback address ({@link io.providerkind.testsupport.tls.HttpsFrom}).
 */
package io.providerkind.testsupport.tls;
