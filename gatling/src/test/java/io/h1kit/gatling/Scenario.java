package io.h1kit.gatling;

/** The load scenarios, one simulation each; the key of the expectation table. */
public enum Scenario {
    /** Closed model, a 1 KiB file over keep-alive connections, at each concurrency of a sweep. */
    KEEP_ALIVE_SWEEP("keep-alive sweep"),
    /** Open model at fixed arrival rates, one new connection per user: latency under a given load. */
    OPEN_MODEL("open model"),
    /** {@code Connection: close} on every request: accept and close dominate. */
    CONNECTION_CHURN("connection churn"),
    /** Downloads of a 1 MiB (or larger) file: writes that outlast one socket buffer. */
    LARGE_FILE("large file"),
    /** Many keep-alive clients that think between requests: mostly idle connections. */
    SLOW_CLIENTS("slow clients"),
    /** A small site: pages with assets, 404s, conditional requests answered 304. */
    SITE("site");

    private final String title;

    Scenario(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
