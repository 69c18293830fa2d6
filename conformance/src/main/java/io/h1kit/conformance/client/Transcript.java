package io.h1kit.conformance.client;

/**
 * The evidence of one exchange with the target, for the report: the bytes each way (the first
 * {@link Connection#MAX_EVIDENCE_BYTES}, with totals) and the timeline. A raw {@link Connection}
 * is one; a case that speaks through an HTTP client library records one of its own.
 */
public interface Transcript {
    /** 1, 2, ... in the order a case opened them. */
    int number();

    Connection.Evidence sent();

    Connection.Evidence received();

    Timeline timeline();

    /** What made the exchange, for example "raw socket" or "rest-assured". */
    default String via() {
        return "raw socket";
    }
}
