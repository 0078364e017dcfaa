package io.providerkind.provider.managed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import org.junit.jupiter.api.Test;

/** Which existing Secrets a managed resource may write its connection details to, as crossplane-runtime decides. */
class ConnectionSecretControlTest {

    private static final String UID = "6f1c1b0e-0000-4000-8000-000000000001";
    private static final String OTHER_UID = "6f1c1b0e-0000-4000-8000-000000000002";

    @Test
    void uncontrolledOpaqueSecretIsRefused() {
        assertEquals(
                new ConnectionSecretControl.Refused("refusing to modify uncontrolled secret of type \"Opaque\""),
                ConnectionSecretControl.of(secret("Opaque"), UID));
    }

    @Test
    void uncontrolledSecretOfAnyOtherTypeIsRefused() {
        assertEquals(
                new ConnectionSecretControl.Refused(
                        "refusing to modify uncontrolled secret of type \"kubernetes.io/dockerconfigjson\""),
                ConnectionSecretControl.of(secret("kubernetes.io/dockerconfigjson"), UID));
    }

    @Test
    void uncontrolledConnectionSecretIsAdopted() {
        assertEquals(
                new ConnectionSecretControl.Adoptable(),
                ConnectionSecretControl.of(secret(SecretConnectionPublisher.SECRET_TYPE), UID));
    }

    @Test
    void ownerThatIsNotAControllerDoesNotMakeAConnectionSecretControlled() {
        Secret secret = secret(SecretConnectionPublisher.SECRET_TYPE, owner(OTHER_UID, false));

        assertEquals(new ConnectionSecretControl.Adoptable(), ConnectionSecretControl.of(secret, UID));
    }

    @Test
    void ownerThatIsNotAControllerDoesNotMakeAnOpaqueSecretAdoptable() {
        Secret secret = secret("Opaque", owner(UID, false));

        assertEquals(
                new ConnectionSecretControl.Refused("refusing to modify uncontrolled secret of type \"Opaque\""),
                ConnectionSecretControl.of(secret, UID));
    }

    @Test
    void connectionSecretControlledBySomethingElseIsRefused() {
        Secret secret = secret(SecretConnectionPublisher.SECRET_TYPE, owner(OTHER_UID, true));

        assertEquals(
                new ConnectionSecretControl.Refused("existing secret is not controlled by UID \"" + UID + "\""),
                ConnectionSecretControl.of(secret, UID));
    }

    @Test
    void secretControlledByThisResourceIsItsToUpdate() {
        Secret secret = secret(SecretConnectionPublisher.SECRET_TYPE, owner(UID, true));

        assertEquals(new ConnectionSecretControl.Controlled(), ConnectionSecretControl.of(secret, UID));
    }

    @Test
    void legacyOpaqueSecretControlledByThisResourceIsItsToUpdate() {
        Secret secret = secret("Opaque", owner(UID, true));

        assertEquals(new ConnectionSecretControl.Controlled(), ConnectionSecretControl.of(secret, UID));
    }

    private static Secret secret(String type, OwnerReference... owners) {
        return new SecretBuilder()
                .withNewMetadata()
                .withName("conn")
                .withNamespace("default")
                .withOwnerReferences(owners)
                .endMetadata()
                .withType(type)
                .build();
    }

    private static OwnerReference owner(String uid, boolean controller) {
        return new OwnerReferenceBuilder()
                .withApiVersion("v1")
                .withKind("ConfigMap")
                .withName("someone")
                .withUid(uid)
                .withController(controller)
                .build();
    }
}
