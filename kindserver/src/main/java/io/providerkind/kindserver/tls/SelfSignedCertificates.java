package io.providerkind.kindserver.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;

/**
 * Makes kindserver's self-signed serving certificate: EC P-256 (fast handshakes, accepted by every client),
 * a leaf that is its own trust anchor, as Go's generate_cert and most development servers do, so the
 * certificate itself is the CA bundle a client pins.
 *
 * <p>Only the JDK's own JCA provider is used for keys and signatures; BouncyCastle only builds the
 * certificate structure, so no security provider is registered globally.
 */
public final class SelfSignedCertificates {

    /** Backdated so a client whose clock is slightly behind does not see "not yet valid". */
    private static final Duration BACKDATE = Duration.ofHours(1);

    private final Clock clock;
    private final Duration validity;
    private final SecureRandom random = new SecureRandom();

    public SelfSignedCertificates(Clock clock, Duration validity) {
        this.clock = clock;
        this.validity = validity;
    }

    /** A new key pair and certificate whose SANs are exactly {@code names} (IP literals and DNS names). */
    public TlsIdentity create(Collection<String> names, String origin) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a serving certificate needs at least one name");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair keys = generator.generateKeyPair();
            Instant now = clock.instant();
            X500Name subject =
                    new X500Name("CN=kindserver " + names.iterator().next().replaceAll("[,+=\"\\\\<>;]", "_"));
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    subject,
                    serialNumber(),
                    Date.from(now.minus(BACKDATE)),
                    Date.from(now.plus(validity)),
                    subject,
                    keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(
                    Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false, subjectAlternativeNames(names));
            builder.addExtension(
                    Extension.subjectKeyIdentifier,
                    false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            return new TlsIdentity(List.of(certificate), keys.getPrivate(), origin);
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new TlsSetupException("cannot create a self-signed certificate: " + e.getMessage(), e);
        }
    }

    /** Positive and at most 20 octets, as RFC 5280 requires; random so that browsers never see a reuse. */
    private BigInteger serialNumber() {
        return new BigInteger(159, random).add(BigInteger.ONE);
    }

    private static GeneralNames subjectAlternativeNames(Collection<String> names) {
        return new GeneralNames(names.stream()
                .map(name -> IPAddress.isValid(name)
                        ? new GeneralName(GeneralName.iPAddress, name)
                        : new GeneralName(GeneralName.dNSName, name))
                .toArray(GeneralName[]::new));
    }
}
