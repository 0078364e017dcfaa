/**
 * Checks the Crossplane package that {@code make xpkg} builds from package/: its package.yaml metadata
 * ({@code PackageYamlTest}) and the image layout package/build-xpkg.sh produces ({@code XpkgImageTest}), read with a
 * minimal OCI layout and tar reader so that neither the crossplane CLI nor a registry is needed.
 */
package io.providerkind.install.xpkg;
