/**
 * What every module's tests share, kept once: where the repository is ({@link io.providerkind.testsupport.RepositoryRoot})
 * a free loopback port ({@link io.providerkind.testsupport.FreePort}) and JSON answers of a stand-in server
 * ({@link io.providerkind.testsupport.JsonExchanges}). The subpackages hold the rule for missing
 * real parts ({@code realparts}), waiting ({@code wait}), programs run as processes ({@code process}), PEM trust
 * ({@code tls}) and hostile input ({@code hostile}). Nothing here knows kindserver or the provider: helpers that need
 * their types stay in their tests.
 */
package io.providerkind.testsupport;
