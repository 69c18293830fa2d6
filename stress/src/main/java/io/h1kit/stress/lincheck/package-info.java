/**
 * lincheck tests: per subject an abstract class of {@code @Operation}s (and the sequential
 * specification they are checked against), with one small subclass per implementation:
 * {@code Fixed} for the real structure, {@code Flawed...} for a copy with one bug. The runner
 * ({@link io.h1kit.stress.run.LincheckRunner}) checks each subclass with both strategies, model
 * checking (every interleaving up to a bound; finds deadlocks) and stress (real threads).
 */
package io.h1kit.stress.lincheck;
