package io.providerkind.kindserver.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.bouncycastle.util.IPAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kindserver's self-signed certificate, made once and kept in {@code <state-dir>/tls} so that its
 * fingerprint, and every CA bundle built from it, stays valid across restarts.
 *
 * <p>It is replaced only when it can no longer serve: unreadable, key and certificate not a pair, a required
 * name missing (the advertise address changed), or close to expiry. Each replacement is logged as a warning
 * because clients that pinned the old certificate must be given the new one.
 */
public final class SelfSignedIdentityStore {

    private static final Logger LOG = LoggerFactory.getLogger(SelfSignedIdentityStore.class);

    static final String CERTIFICATE_FILE = "kindserver.crt";
    static final String KEY_FILE = "kindserver.key";

    private final Path directory;
    private final SelfSignedCertificates certificates;
    private final Clock clock;
    private final Duration renewBefore;

    public SelfSignedIdentityStore(
            Path stateDir, SelfSignedCertificates certificates, Clock clock, Duration renewBefore) {
        this.directory = stateDir.resolve("tls");
        this.certificates = certificates;
        this.clock = clock;
        this.renewBefore = renewBefore;
    }

    /** The PEM file a client can use as its CA bundle. */
    public Path certificateFile() {
        return directory.resolve(CERTIFICATE_FILE);
    }

    public Path keyFile() {
        return directory.resolve(KEY_FILE);
    }

    /** The kept certificate if it still serves {@code names}, else a new one written in its place. */
    public TlsIdentity loadOrCreate(Collection<String> names) {
        Optional<String> reasonToReplace = Optional.empty();
        if (Files.exists(certificateFile()) || Files.exists(keyFile())) {
            try {
                TlsIdentity kept = read();
                reasonToReplace = reasonToReplace(kept, names);
                if (reasonToReplace.isEmpty()) {
                    return kept;
                }
            } catch (TlsSetupException unreadable) {
                reasonToReplace = Optional.of(unreadable.getMessage());
            }
        }
        TlsIdentity created = certificates.create(names, origin());
        write(created);
        reasonToReplace.ifPresentOrElse(
                reason -> LOG.warn(
                        "replaced the self-signed certificate in {} ({}); clients that pinned the old one "
                                + "need the new CA bundle {}",
                        directory,
                        reason,
                        certificateFile()),
                () -> LOG.info("made a self-signed certificate for {} in {}", String.join(", ", names), directory));
        return created;
    }

    private TlsIdentity read() {
        try {
            String certificatePem = new String(Files.readAllBytes(certificateFile()), StandardCharsets.ISO_8859_1);
            String keyPem = new String(Files.readAllBytes(keyFile()), StandardCharsets.ISO_8859_1);
            List<X509Certificate> chain =
                    Pem.readCertificates(certificatePem, certificateFile().toString());
            return new TlsIdentity(chain, Pem.readPrivateKey(keyPem, keyFile().toString()), origin());
        } catch (IOException e) {
            throw new TlsSetupException("cannot read the kept certificate: " + e, e);
        }
    }

    private Optional<String> reasonToReplace(TlsIdentity kept, Collection<String> names) {
        X509Certificate certificate = kept.certificate();
        if (!KeyMatch.matches(kept.privateKey(), certificate)) {
            return Optional.of("its key and certificate are not a pair");
        }
        Instant renewFrom = certificate.getNotAfter().toInstant().minus(renewBefore);
        if (!clock.instant().isBefore(renewFrom)) {
            return Optional.of("it expires " + certificate.getNotAfter().toInstant());
        }
        Set<String> missing = new TreeSet<>();
        Set<String> present = subjectAlternativeNames(certificate);
        for (String name : names) {
            if (!present.contains(canonical(name))) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            return Optional.of("it does not name " + String.join(", ", missing));
        }
        return Optional.empty();
    }

    private void write(TlsIdentity identity) {
        try {
            SecureFiles.createPrivateDirectory(directory);
            // key first: a crash between the two leaves a pair that does not match, which the next start replaces
            SecureFiles.writeAtomically(keyFile(), identity.privateKeyPem(), true);
            SecureFiles.writeAtomically(certificateFile(), identity.certificatePem(), false);
        } catch (IOException e) {
            throw new TlsSetupException("cannot keep the self-signed certificate in " + directory + ": " + e, e);
        }
    }

    private String origin() {
        return "self-signed, kept in " + directory;
    }

    static Set<String> subjectAlternativeNames(X509Certificate certificate) {
        Set<String> names = new TreeSet<>();
        try {
            Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
            if (entries != null) {
                for (List<?> entry : entries) {
                    names.add(canonical(String.valueOf(entry.get(1))));
                }
            }
        } catch (CertificateParsingException e) {
            return Set.of();
        }
        return names;
    }

    /** IP literals compared by value (::1 and 0:0:0:0:0:0:0:1 are one address), DNS names without case. */
    static String canonical(String name) {
        if (IPAddress.isValid(name)) {
            try {
                return InetAddress.getByName(name).getHostAddress(); // a literal: no lookup happens
            } catch (UnknownHostException impossibleForALiteral) {
                return name;
            }
        }
        return name.toLowerCase(Locale.ROOT);
    }
}
