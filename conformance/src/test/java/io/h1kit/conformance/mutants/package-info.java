/**
 * Seeded-bug variants of the reference servers ("mutants", catalogue §4.1), and
 * {@link io.h1kit.conformance.mutants.MutantsTest}, which proves the suite catches each of them.
 *
 * <p>Every variant is the kit's correct server with exactly one documented bug, built from the
 * servers' parts without touching their main code:
 * <ul>
 *   <li>a byte shim ({@link io.h1kit.conformance.mutants.shim.Shim}): a TCP proxy in front of the
 *       real server whose rewrite is the bug, e.g. {@code Content-Length: +5} becomes
 *       {@code Content-Length: 5}, which is what a server that accepts the sign reads
 *       ({@link io.h1kit.conformance.mutants.RequestBugs}, {@link io.h1kit.conformance.mutants.ResponseBugs});</li>
 *   <li>a {@code Handler} decorator around the real Site ({@link io.h1kit.conformance.mutants.HandlerVariants});</li>
 *   <li>a faulty echo loop ({@link io.h1kit.conformance.mutants.EchoVariants});</li>
 *   <li>a server timeout turned off ({@link io.h1kit.conformance.mutants.TimeoutVariants}).</li>
 * </ul>
 * To add a variant: write its rewrite or decorator, add it to its technique's list with its
 * name, the bug it models, and the catalogue rows expected to catch it; add a rewrite test to
 * {@code RequestBugsTest} for a shim. MutantsTest then asserts it is caught.
 */
package io.h1kit.conformance.mutants;
