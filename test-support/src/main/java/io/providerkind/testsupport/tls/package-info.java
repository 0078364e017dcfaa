/** TLS for test clients: trust in exactly one PEM bundle ({@link io.providerkind.testsupport.tls.PemTrust}). */
package io.providerkind.testsupport.tls;
