/**
 * The kind CLI as kindserver runs it: {@link KindCli} runs kind as a child process (an argument list, never a shell;
 * private scratch kubeconfigs), {@link CreateProcess} follows a running {@code kind create cluster} step by step, and
 * {@link ClusterName} and {@link KindConfig} apply kind's own input rules before anything runs. kindserver owns the
 * config's API server address and port, which {@code KindConfig.render} sets. No state is kept here: records and the
 * one operation per cluster belong to package {@code clusters}.
 */
package io.providerkind.kindserver.kind;
