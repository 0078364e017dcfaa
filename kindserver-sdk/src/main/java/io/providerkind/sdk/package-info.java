/**
 * The home of the wire contract between provider-kind and kindserver, and its Java client: the records the REST API
 * carries ({@link ClusterInfo}, {@link CreateClusterRequest}, {@link ErrorBody}), the JSON rules and config hash both
 * sides compute alike ({@link KindServerJson}, {@link ConfigHash}) and the sealed {@link KindServerException} family
 * callers switch on. Start at {@link KindServerClient} and {@link KindServerClients#builder()}. kindserver serves these
 * very records, so a change here changes the API; the module has no server dependencies and must not gain any.
 */
package io.providerkind.sdk;
