package io.providerkind.kindserver;

import io.providerkind.kindserver.config.KindServerSettings;
import io.providerkind.kindserver.tls.PemFiles;
import io.providerkind.kindserver.tls.SelfSignedCertificates;
import io.providerkind.kindserver.tls.SelfSignedIdentityStore;
import io.providerkind.kindserver.tls.TlsIdentity;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the certificate kindserver serves: the operator's PEM files when given, else the self-signed one
 * kept in the state dir. Logs its SHA-256 fingerprint at every start, which operators pin or compare with
 * the CA bundle they gave provider-kind.
 */
final class ServerTls {

    static final Duration SELF_SIGNED_VALIDITY = Duration.ofDays(2 * 365);
    static final Duration RENEW_BEFORE = Duration.ofDays(30);
    private static final Logger LOG = LoggerFactory.getLogger(ServerTls.class);

    private final Clock clock;

    ServerTls(Clock clock) {
        this.clock = clock;
    }

    TlsIdentity identity(KindServerSettings settings, Optional<String> advertiseAddress) {
        TlsIdentity identity;
        if (settings.tlsFiles().isPresent()) {
            identity = PemFiles.load(
                    settings.tlsFiles().get().certificate(),
                    settings.tlsFiles().get().key());
        } else {
            SelfSignedIdentityStore store = new SelfSignedIdentityStore(
                    settings.stateDir(), new SelfSignedCertificates(clock, SELF_SIGNED_VALIDITY), clock, RENEW_BEFORE);
            identity = store.loadOrCreate(names(settings, advertiseAddress));
            LOG.info("clients trust kindserver with the CA bundle {}", store.certificateFile());
        }
        LOG.info(
                "TLS certificate: {}; subject {}; valid until {}; SHA-256 fingerprint {}",
                identity.origin(),
                identity.certificate().getSubjectX500Principal().getName(),
                identity.certificate().getNotAfter().toInstant(),
                identity.fingerprint());
        return identity;
    }

    /** The advertise address first (it is the certificate's subject), then the loopback names, then a specific listen host. */
    static Set<String> names(KindServerSettings settings, Optional<String> advertiseAddress) {
        Set<String> names = new LinkedHashSet<>();
        advertiseAddress.ifPresent(names::add);
        names.add("localhost");
        names.add("127.0.0.1");
        if (!settings.listen().wildcard()) {
            names.add(settings.listen().host());
        }
        return names;
    }
}
