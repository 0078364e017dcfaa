/**
 * The local registry kindserver runs for its clusters ({@code --registry}): its container on the Docker host, made or
 * adopted at start, and the wiring of every cluster made to it, as kind's local-registry recipe documents.
 */
package io.providerkind.kindserver.registry;
