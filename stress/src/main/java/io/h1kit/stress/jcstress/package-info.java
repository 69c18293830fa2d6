/**
 * jcstress tests, one interaction each ({@code <Subject><Scenario>Test}). Each outer class holds
 * the test once per implementation: {@code Fixed} runs the real structure of the reference
 * servers, {@code Flawed...} a copy with one bug ({@link io.h1kit.stress.flawed}), which the same
 * outcomes must catch. Every outcome has a description, and a catch-all is FORBIDDEN.
 *
 * <p>Run them with {@code h1kit stress}, or by hand: {@code java -jar stress/target/jcstress.jar -t BoundedQueue}.
 * Tests have two actors at most: CI machines have two cores.
 */
package io.h1kit.stress.jcstress;
