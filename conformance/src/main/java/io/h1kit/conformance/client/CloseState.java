package io.h1kit.conformance.client;

/** How a connection stood when a probe stopped watching it. */
public enum CloseState {
    /** The server closed its side in order (FIN: end of stream). */
    FIN,
    /** The server reset the connection (RST). */
    RST,
    /** Still open at the end of the polling window. */
    OPEN,
    /** The probe did not watch for a close (the case does not depend on it). */
    NOT_CHECKED;

    public boolean closed() {
        return this == FIN || this == RST;
    }
}
