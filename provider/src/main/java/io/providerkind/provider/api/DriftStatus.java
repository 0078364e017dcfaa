package io.providerkind.provider.api;

/**
 * The drift the provider last alerted on, kept in status so that each distinct drift is alerted once:
 * across reconciles of stale copies and provider restarts alike, an alert goes out only after the status
 * that records its fingerprint has been written.
 *
 * @param fingerprint what drifted, independent of wording: each drift's reason and subject (the two
 *                    config hashes, the names of the stopped nodes, the vanished cluster's name), sorted
 * @param since       when this drift was first seen (RFC 3339)
 */
public record DriftStatus(String fingerprint, String since) {}
