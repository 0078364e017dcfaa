package io.providerkind.kindserver.clusters;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.providerkind.sdk.ClusterPhase;
import io.providerkind.sdk.Progress;
import java.time.Instant;

/**
 * What kindserver remembers of one cluster across restarts, one JSON file each in the state dir.
 * The phase is the phase of kindserver's work (Creating, Ready, Failed, Deleting); whether a Ready
 * cluster's nodes run (Ready or Stopped) is read from Docker, not remembered.
 *
 * @param name          cluster name
 * @param kindConfig    the kind config as the user gave it; null for a cluster made by hand
 * @param configHash    SHA-256 of {@code kindConfig}
 * @param apiServerPort the port allocated to the cluster, held until it is deleted
 * @param phase         Creating, Ready, Failed or Deleting
 * @param progress      kind's last step while creating
 * @param message       why Failed, or a note to the user
 * @param createdAt     when the create was accepted
 * @param updatedAt     when the record last changed
 * @param kindPid       the running {@code kind create}'s process id, to stop an orphan after a crash
 * @param kindStartedAt that process's start time (a pid alone may have been reused)
 * @param allStepsDone  kind ended its last step; a create interrupted after that may be adopted as Ready
 * @param owner         who created the cluster, as the client said it on POST; null for a cluster made by hand, one
 *                      created without an owner, and every record an older kindserver wrote (it had no owners)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClusterRecord(
        String name,
        String kindConfig,
        String configHash,
        Integer apiServerPort,
        ClusterPhase phase,
        Progress progress,
        String message,
        Instant createdAt,
        Instant updatedAt,
        Long kindPid,
        Instant kindStartedAt,
        boolean allStepsDone,
        String owner) {

    static ClusterRecord creating(
            String name,
            String kindConfig,
            String configHash,
            Integer port,
            Progress waiting,
            String note,
            String owner,
            Instant now) {
        return new ClusterRecord(
                name,
                kindConfig,
                configHash,
                port,
                ClusterPhase.Creating,
                waiting,
                note,
                now,
                now,
                null,
                null,
                false,
                owner);
    }

    /** A cluster made by hand that kindserver is asked to delete. */
    static ClusterRecord deletingUnmanaged(String name, Instant now) {
        return new ClusterRecord(
                name, null, null, null, ClusterPhase.Deleting, null, null, now, now, null, null, false, null);
    }

    boolean managed() {
        return kindConfig != null;
    }

    /**
     * The same record claimed by {@code newOwner}: a same-config create with an owner adopts a cluster recorded
     * without one, so that clusters made before owners existed keep working after an upgrade.
     */
    ClusterRecord ownedBy(String newOwner, Instant now) {
        return new ClusterRecord(
                name,
                kindConfig,
                configHash,
                apiServerPort,
                phase,
                progress,
                message,
                createdAt,
                now,
                kindPid,
                kindStartedAt,
                allStepsDone,
                newOwner);
    }

    ClusterRecord retrying(Progress waiting, String note, Instant now) {
        return new ClusterRecord(
                name,
                kindConfig,
                configHash,
                apiServerPort,
                ClusterPhase.Creating,
                waiting,
                note,
                createdAt,
                now,
                null,
                null,
                false,
                owner);
    }

    ClusterRecord withProgress(Progress newProgress, boolean stepsDone, Instant now) {
        return new ClusterRecord(
                name,
                kindConfig,
                configHash,
                apiServerPort,
                phase,
                newProgress,
                message,
                createdAt,
                now,
                kindPid,
                kindStartedAt,
                stepsDone,
                owner);
    }

    ClusterRecord withPort(int port, Instant now) {
        return new ClusterRecord(
                name,
                kindConfig,
                configHash,
                port,
                phase,
                progress,
                message,
                createdAt,
                now,
                kindPid,
                kindStartedAt,
                allStepsDone,
                owner);
    }

    ClusterRecord withProcess(long pid, Instant processStart, Instant now) {
        return new ClusterRecord(
                name,
                kindConfig,
                configHash,
                apiServerPort,
                phase,
                progress,
                message,
                createdAt,
                now,
                pid,
                processStart,
                allStepsDone,
                owner);
    }

    ClusterRecord ready(String note, Instant now) {
        return new ClusterRecord(
                name,
                kindConfig,
                configHash,
                apiServerPort,
                ClusterPhase.Ready,
                null,
                note,
                createdAt,
                now,
                null,
                null,
                true,
                owner);
    }

    ClusterRecord failed(String why, Instant now) {
        return new ClusterRecord(
                name,
                kindConfig,
                configHash,
                apiServerPort,
                ClusterPhase.Failed,
                null,
                why,
                createdAt,
                now,
                null,
                null,
                false,
                owner);
    }

    ClusterRecord deleting(Instant now) {
        return new ClusterRecord(
                name,
                kindConfig,
                configHash,
                apiServerPort,
                ClusterPhase.Deleting,
                null,
                null,
                createdAt,
                now,
                null,
                null,
                allStepsDone,
                owner);
    }

    @Override
    public String toString() {
        // the config may carry registry credentials: never print it
        return "ClusterRecord[" + name + ", " + phase + ", port " + apiServerPort + "]";
    }
}
