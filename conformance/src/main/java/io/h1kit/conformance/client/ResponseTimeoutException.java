package io.h1kit.conformance.client;

import java.io.IOException;

/** No byte of a response arrived within the time the probe allowed. */
public final class ResponseTimeoutException extends IOException {
    public ResponseTimeoutException(String message) {
        super(message);
    }
}
