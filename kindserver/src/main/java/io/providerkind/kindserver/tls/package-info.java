/**
 * The certificate and key kindserver serves HTTPS with ({@link TlsIdentity}): the operator's PEM files, checked before
 * start ({@link PemFiles}), or a self-signed certificate made once and kept in the state dir
 * ({@link SelfSignedIdentityStore}), with the {@link Fingerprint} operators compare. Key files are written atomically
 * and readable by their owner only. Knows nothing of Jetty or the API; choosing between the two is {@code ServerTls}
 * in the root package.
 */
package io.providerkind.kindserver.tls;
