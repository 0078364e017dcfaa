/**
 * Hostile input kept once for every level that must refuse it: {@link io.providerkind.testsupport.hostile.HostileYaml}
 * is YAML built to exhaust or trick a reader, which kindserver's YAML reader, its HTTP API and its packaged jar
 * are each tested against.
 */
package io.providerkind.testsupport.hostile;
