package io.providerkind.provider.kindcluster;

import io.providerkind.sdk.KindServerClient;

/** Makes a kindserver client for a connection; the seam where tests put a fake kindserver. */
@FunctionalInterface
public interface KindServerClientFactory {

    KindServerClient create(KindServerConnection connection);
}
