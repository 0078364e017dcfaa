/**
 * The kind CLI as kindserver runs it: {@link KindCli} runs kind as a child process (an argument list, never a shell;
 * private scratch kubeconfigs, an environment without kindserver's own variables and password from
 * {@link ChildEnvironment}), {@link CreateProcess} follows a running {@code kind create cluster} step by step, and
 * {@link ClusterName} and {@link KindConfig} apply kind's own input rules before anything runs (a broken one is an
 * {@link InvalidRequestException}); {@link YamlDocuments} reads a config's YAML as kind does, within
 * {@link YamlLimits}, after {@link YamlGraphCheck} has refused recursive aliases, alias bombs and tags kind does not
 * read. kindserver owns the config's API server address and port (and, with a local registry, one containerd patch),
 * which {@code KindConfig.render} sets. {@link NodeCommands} runs commands inside a node as kind does
 * ({@code docker exec -i}); it and kind's short commands run through {@code BoundedCommand}. No state is kept here, and nothing here depends on package {@code clusters}, where
 * the records and the one operation per cluster belong.
 */
package io.providerkind.kindserver.kind;
