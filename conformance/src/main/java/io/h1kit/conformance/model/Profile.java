package io.h1kit.conformance.model;

import java.util.Locale;

/** What kind of server a target is: an echo server (RFC 862) or an HTTP/1.1 server. */
public enum Profile {
    ECHO, HTTP;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
