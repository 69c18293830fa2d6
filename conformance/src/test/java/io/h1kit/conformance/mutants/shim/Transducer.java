package io.h1kit.conformance.mutants.shim;

/**
 * Rewrites one direction of one proxied connection as its bytes arrive (HTTP Garden's word for a
 * component that turns one byte stream into another). It may hold bytes back until it knows what
 * they are, for example until a request's header section is complete.
 *
 * <p>Threads: one pump thread calls it; it is not shared.
 */
public interface Transducer {
    byte[] NOTHING = new byte[0];

    /** Bytes that arrived; returns what to send on now. */
    byte[] feed(byte[] bytes, int length);

    /** Nothing has arrived for {@code quietMillis}; returns what to release now (nothing by default). */
    default byte[] quiet(long quietMillis) {
        return NOTHING;
    }

    /** The sender closed its side: returns everything still held. */
    byte[] end();
}
