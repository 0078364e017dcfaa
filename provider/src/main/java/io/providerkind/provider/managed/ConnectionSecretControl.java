package io.providerkind.provider.managed;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.List;
import java.util.Objects;

/**
 * May the connection publisher write a Secret that already exists where a managed resource's connection
 * Secret goes? The rules of crossplane-runtime's {@code ConnectionSecretMustBeControllableBy}, with its
 * wording: a Secret with no controller is adopted only if it is of the connection type, because any other
 * uncontrolled Secret (an Opaque one, the kindserver password) cannot be told apart from one that has
 * nothing to do with the provider, and adopting it would have garbage collection delete it with the managed
 * resource.
 */
sealed interface ConnectionSecretControl {

    /** Already controlled by the managed resource: update it. */
    record Controlled() implements ConnectionSecretControl {}

    /** A connection Secret without a controller: make the managed resource its controller, then update it. */
    record Adoptable() implements ConnectionSecretControl {}

    /** Not the managed resource's to write: leave it as it is. */
    record Refused(String reason) implements ConnectionSecretControl {}

    /** What may be done with {@code existing} by the managed resource whose UID is {@code uid}. */
    static ConnectionSecretControl of(Secret existing, String uid) {
        OwnerReference controller = controllerOf(existing);
        if (controller == null) {
            return SecretConnectionPublisher.SECRET_TYPE.equals(existing.getType())
                    ? new Adoptable()
                    : new Refused("refusing to modify uncontrolled secret of type \""
                            + Objects.requireNonNullElse(existing.getType(), "") + "\"");
        }
        return Objects.equals(uid, controller.getUid())
                ? new Controlled()
                : new Refused("existing secret is not controlled by UID \"" + uid + "\"");
    }

    private static OwnerReference controllerOf(Secret secret) {
        List<OwnerReference> owners = secret.getMetadata().getOwnerReferences();
        return owners == null
                ? null
                : owners.stream()
                        .filter(o -> Boolean.TRUE.equals(o.getController()))
                        .findFirst()
                        .orElse(null);
    }
}
