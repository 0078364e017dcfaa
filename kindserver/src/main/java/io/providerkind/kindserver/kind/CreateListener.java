package io.providerkind.kindserver.kind;

import io.providerkind.sdk.Progress;

/** Told each time a running {@code kind create cluster} starts or ends a step. */
@FunctionalInterface
public interface CreateListener {

    /**
     * @param progress     kind's step n of m and its text
     * @param allStepsDone true once the last step kind was expected to print has ended successfully
     */
    void progressed(Progress progress, boolean allStepsDone);
}
