package io.providerkind.provider.managed;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The metadata writes the managed reconciler makes itself (external name, finalizer, create annotations), each as
 * the resourceVersion it writes over and the one it makes, so that the watch event of such a write starts no
 * reconcile: the reconcile that wrote it knew all it says, and goes on or schedules the next look itself.
 *
 * <p>The event may come before the write's answer. So a write is known from the moment it is sent: an event from
 * its resourceVersion while it is in flight is taken for it. Were that event someone else's, the write cannot
 * have succeeded unnoticed: an update under optimistic locking then fails and the reconcile reads again; a patch
 * then makes an event from the other's version, which is not taken for anything and reconciles.
 */
public final class OwnWrites {

    /** A reconcile makes a handful of writes; older ones whose events never came are of no more use. */
    private static final int REMEMBERED_PER_RESOURCE = 8;

    private final Map<String, Deque<Write>> byUid = new ConcurrentHashMap<>();

    /** The reconciler is about to write the resource with this uid, over resourceVersion {@code before}. */
    void writing(String uid, String before) {
        if (uid == null || before == null) {
            return;
        }
        Deque<Write> writes = byUid.computeIfAbsent(uid, u -> new ArrayDeque<>());
        synchronized (writes) {
            writes.addLast(new Write(before, null));
            if (writes.size() > REMEMBERED_PER_RESOURCE) {
                writes.removeFirst();
            }
        }
    }

    /** The write sent over {@code before} made {@code after}; unless its event came first and is already taken. */
    void wrote(String uid, String before, String after) {
        replaceInFlight(uid, before, after);
    }

    /** The write sent over {@code before} failed: no event of it will come. */
    void failed(String uid, String before) {
        replaceInFlight(uid, before, null);
    }

    /** Whether the update from {@code before} to {@code now} is one of the reconciler's own writes. */
    boolean isOwn(HasMetadata now, HasMetadata before) {
        Deque<Write> writes = byUid.get(now.getMetadata().getUid());
        if (writes == null) {
            return false;
        }
        String from = before.getMetadata().getResourceVersion();
        String to = now.getMetadata().getResourceVersion();
        synchronized (writes) {
            return writes.remove(new Write(from, to)) || writes.remove(new Write(from, null));
        }
    }

    /** The resource is gone. */
    public void forget(String uid) {
        byUid.remove(uid);
    }

    private void replaceInFlight(String uid, String before, String after) {
        Deque<Write> writes = uid == null ? null : byUid.get(uid);
        if (writes == null) {
            return;
        }
        synchronized (writes) {
            if (writes.remove(new Write(before, null)) && after != null) {
                writes.addLast(new Write(before, after));
            }
        }
    }

    /** A write from one resourceVersion to the next; to the one not known yet while it is in flight. */
    private record Write(String before, String after) {
        Write {
            Objects.requireNonNull(before);
        }
    }
}
