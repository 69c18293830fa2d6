package io.h1kit.conformance.mutants;

import io.h1kit.conformance.model.Level;
import io.h1kit.conformance.model.Profile;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A seeded-bug variant of a reference server (a "mutant", catalogue §4.1): the kit's correct
 * server with exactly one documented real-world bug put in, for proving that the suite catches it.
 *
 * @param name        a stable name in the catalogue's style, e.g. {@code DUP_CL_FIRST_WINS}
 * @param description what the variant does wrong, in one line
 * @param models      the documented bug it models: an HTTP Garden trophy (G#n), a CVE, or the
 *                    catalogue's mutant table, with a word on where it was seen
 * @param technique   how it is built without touching the servers' main code
 * @param profile     which profile catches it: http or echo
 * @param killers     the catalogue rows expected to catch it (ids or row prefixes, e.g. CL-07)
 * @param caughtAt    the levels whose FAIL counts as catching it: {MUST} unless the only rows
 *                    that can see the bug are SHOULD or hardening rows
 * @param starter     starts it on 127.0.0.1 and a free port
 */
public record Variant(String name, String description, String models, Technique technique, Profile profile,
                      List<String> killers, Set<Level> caughtAt, Starter starter) {

    /** How a variant is built from the reference servers' parts. */
    public enum Technique {
        /** A {@code Handler} wrapped around the real {@code Site}. */
        HANDLER_DECORATOR,
        /** A TCP proxy in front of the real server that rewrites bytes: the bug is the rewrite. */
        BYTE_SHIM,
        /** A modified {@code ConnectionHandler} (the echo server's loop with the bug in it). */
        CONNECTION_HANDLER,
        /** The real server with one of its timeouts turned off. */
        TIMEOUTS
    }

    /** Starts the variant. */
    @FunctionalInterface
    public interface Starter {
        Running start() throws IOException;
    }

    /** A started variant; closing it stops everything it started. */
    public interface Running extends AutoCloseable {
        InetSocketAddress address();

        @Override
        void close();
    }

    public Variant {
        Objects.requireNonNull(name);
        killers = List.copyOf(killers);
        caughtAt = Set.copyOf(caughtAt);
        if (killers.isEmpty() || caughtAt.isEmpty()) {
            throw new IllegalArgumentException(name + ": a variant names its killer rows and the levels that count");
        }
    }

    /** A variant of the sequential server that a MUST case catches. */
    static Variant http(String name, String description, String models, Technique technique, List<String> killers,
                        Starter starter) {
        return new Variant(name, description, models, technique, Profile.HTTP, killers, Set.of(Level.MUST), starter);
    }

    /** The same variant, counted as caught by a FAIL at {@code level} too (and still at MUST). */
    Variant alsoCaughtAt(Level level) {
        return new Variant(name, description, models, technique, profile, killers, Set.of(Level.MUST, level), starter);
    }

    @Override
    public String toString() {
        return name;
    }
}
