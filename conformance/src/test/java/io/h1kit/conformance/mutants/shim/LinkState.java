package io.h1kit.conformance.mutants.shim;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the two directions of one proxied connection share: the requests forwarded so far, in
 * order, so that the response side knows which response answers a HEAD (no content) and whether
 * another request is already waiting behind the one being answered (pipelining).
 *
 * <p>Threads: the request pump writes, the response pump reads.
 */
public final class LinkState {
    private final Queue<String> methods = new ConcurrentLinkedQueue<>();
    private final AtomicInteger requests = new AtomicInteger();

    /** A request head with this method went to the server. */
    void requestSent(String method) {
        methods.add(method);
        requests.incrementAndGet();
    }

    /** The method of the oldest request not answered yet; GET when none is known. */
    String answerNext() {
        String method = methods.poll();
        return method == null ? "GET" : method;
    }

    /** How many request heads went to the server so far. */
    int requestsSent() {
        return requests.get();
    }
}
