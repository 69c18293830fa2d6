/**
 * Deliberately broken copies of the reference servers' shared structures, one realistic bug each,
 * marked {@code BUG:} where it is. They live only here: the stress tests run against them to show
 * that each test catches the bug it is about (a test that passes a broken structure proves nothing).
 * Never use them anywhere else.
 */
package io.h1kit.stress.flawed;
