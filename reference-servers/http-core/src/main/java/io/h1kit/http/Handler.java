package io.h1kit.http;

/**
 * What a server does with a parsed request: the part shared by every stage, so the stages differ
 * only in how they move bytes. Implementations are thread-safe.
 */
public interface Handler {

    /**
     * Answers a request.
     *
     * @param nowEpochSecond the current time, for conditional requests
     */
    Response handle(Request request, long nowEpochSecond);

    /** The response for an error status decided outside the handler, such as a parser rejection. */
    Response error(Status status);
}
