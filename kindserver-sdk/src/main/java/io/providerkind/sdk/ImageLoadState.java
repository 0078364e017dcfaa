package io.providerkind.sdk;

/** Where one image of a cluster's preload stands ({@link ImageLoad}). */
public enum ImageLoadState {
    /** Asked for; waits for the images asked before it. */
    Pending,
    /** kindserver is copying the image from the Docker host into the cluster's nodes. */
    Loading,
    /** Every node of the cluster has the image. */
    Loaded,
    /** The load failed, for this image only; {@link ImageLoad#message()} says why (e.g. not on the Docker host). */
    Failed
}
