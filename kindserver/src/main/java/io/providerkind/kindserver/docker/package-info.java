/**
 * What the Docker engine shows of kind's node containers, through docker-java: {@link NodeInspector} asks Docker
 * directly, {@link NodeWatcher} keeps an in-memory {@link DockerSnapshot} fresh from container events so that
 * kindserver's reads never call Docker, and {@link KindNetwork} makes the {@code kind} network before kind would.
 * Never creates or removes containers: that is the kind CLI's job (package {@code kind}). Every call is bounded
 * ({@link DockerClients}), so a Docker engine that is down or hung never blocks kindserver.
 */
package io.providerkind.kindserver.docker;
