package io.providerkind.provider.kindcluster;

import io.providerkind.sdk.KindServerClient;
import io.providerkind.sdk.KindServerClients;
import java.time.Duration;

/** Makes real HTTP clients of kindserver with the SDK. */
public final class SdkKindServerClientFactory implements KindServerClientFactory {

    private final Duration connectTimeout;
    private final Duration requestTimeout;

    public SdkKindServerClientFactory(Duration connectTimeout, Duration requestTimeout) {
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
    }

    @Override
    public KindServerClient create(KindServerConnection connection) {
        return KindServerClients.builder()
                .endpoint(connection.url())
                .password(connection.password())
                .caBundlePem(connection.caBundle())
                .insecureSkipVerify(connection.insecureSkipVerify())
                .connectTimeout(connectTimeout)
                .requestTimeout(requestTimeout)
                .build();
    }
}
