package io.h1kit.gatling.load;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The scenarios {@code h1kit load} runs, with their ids in {@code h1kit-load/1}: the six Gatling
 * simulations (by class name: Gatling is not on this class path) and the idle-connections
 * scenario, which needs no Gatling. The keep-alive sweep is the one scenario with concurrency
 * levels: each level is a Gatling run of its own.
 */
enum LoadScenario {
    KEEP_ALIVE_SWEEP("keep-alive-sweep", "KeepAliveSweepSimulation", "Keep-alive sweep",
            "Closed model: a 1 KiB file over keep-alive connections, each concurrency level its own run.", true),
    OPEN_MODEL("open-model", "OpenModelSimulation", "Open model",
            "Users arrive at fixed rates in turn, one request each on a new connection: latency under a given load.", false),
    CONNECTION_CHURN("connection-churn", "ConnectionChurnSimulation", "Connection churn",
            "Connection: close on every request: what a connection costs (accept, hand-off, close).", false),
    LARGE_FILE("large-file", "LargeFileSimulation", "Large file",
            "Downloads of a 1 MiB file, body length checked: writes that outlast a socket buffer.", false),
    SLOW_CLIENTS("slow-clients", "SlowClientsSimulation", "Slow clients",
            "Many keep-alive clients thinking between requests: mostly idle connections.", false),
    SITE("site", "SiteSimulation", "Site",
            "A browser's pattern: page and assets in parallel, a link, a 404, a revisit answered 304.", false),
    IDLE_CONNECTIONS("idle-connections", null, "Idle connections",
            "Many keep-alive connections, each answered once and then idle: resident memory per connection held.", false);

    private static final String SIMULATION_PACKAGE = "io.h1kit.gatling.";

    private final String id;
    private final String simulation;
    private final String title;
    private final String description;
    private final boolean sweep;

    LoadScenario(String id, String simulation, String title, String description, boolean sweep) {
        this.id = id;
        this.simulation = simulation;
        this.title = title;
        this.description = description;
        this.sweep = sweep;
    }

    String id() {
        return id;
    }

    /** The Gatling simulation class, or empty for the idle-connections scenario. */
    Optional<String> simulationClass() {
        return Optional.ofNullable(simulation).map(s -> SIMULATION_PACKAGE + s);
    }

    String title() {
        return title;
    }

    String description() {
        return description;
    }

    boolean sweep() {
        return sweep;
    }

    static List<String> ids() {
        return Arrays.stream(values()).map(LoadScenario::id).toList();
    }

    /** By id; a usage error names the ids. */
    static LoadScenario byId(String id) {
        for (LoadScenario s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scenario '" + id + "'; the scenarios are " + String.join(", ", ids()));
    }
}
