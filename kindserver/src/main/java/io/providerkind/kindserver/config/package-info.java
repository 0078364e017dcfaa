/**
 * kindserver's start-up configuration: the command-line flags ({@link KindServerOptions}), each also settable as a
 * {@code KINDSERVER_*} environment variable ({@link EnvironmentDefaults}), checked into one {@link KindServerSettings}
 * or refused with a {@link ConfigurationException} that says what to change; also where the password is read from.
 * Parsing and checking only: nothing is started here.
 */
package io.providerkind.kindserver.config;
