/**
 * containerd's registry configuration as kind configs set it: with kindserver's local registry, containerd reads
 * registry hosts from {@code config_path} and refuses the older {@code registry.mirrors} and
 * {@code registry.configs.<host>.tls} beside it, so those are carried over into {@code hosts.toml} files as
 * containerd's own migration guide describes (its docs/hosts.md).
 */
package io.providerkind.kindserver.containerd;
