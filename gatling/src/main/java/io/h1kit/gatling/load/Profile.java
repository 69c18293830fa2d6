package io.h1kit.gatling.load;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How long and how hard {@code h1kit load} runs, as the simulations' {@code h1kit.*} system
 * properties (their meaning and defaults are in the gatling module's {@code Target}), plus the
 * sweep's levels and the idle-connection count, which the orchestrator itself uses.
 *
 * @param properties   passed to every Gatling JVM as {@code -Dkey=value}
 * @param sweepUsers   the keep-alive sweep's levels, one Gatling run each ({@code -Dh1kit.users=N})
 * @param idleConnections connections the idle-connections scenario opens
 * @param maxSeconds   the simulations' hard bound ({@code h1kit.maxSeconds}); a Gatling JVM gets
 *                     this plus {@link GatlingRun#JVM_MARGIN_SECONDS} before it is killed
 */
record Profile(String name, Map<String, String> properties, List<Integer> sweepUsers, int idleConnections,
               int maxSeconds) {

    /**
     * Seconds in the build's end-to-end test: one level of 4 users for 1 s, a few slow clients,
     * 50 idle connections. Proves the chain, measures nothing.
     */
    static final Profile SMOKE = new Profile("smoke", Map.ofEntries(
            Map.entry("h1kit.stepSeconds", "1"),
            Map.entry("h1kit.requestsPerUser", "20"),
            Map.entry("h1kit.rates", "20"),
            Map.entry("h1kit.churnUsers", "2"),
            Map.entry("h1kit.largeUsers", "1"),
            Map.entry("h1kit.slowUsers", "4"),
            Map.entry("h1kit.thinkSeconds", "1"),
            Map.entry("h1kit.slowRequests", "1"),
            Map.entry("h1kit.siteUsers", "2"),
            Map.entry("h1kit.maxSeconds", "20")), List.of(4), 50, 20);

    /**
     * About 6 to 7 minutes for every scenario over the three stages on 2 cores: 3 s per level and
     * per run (tens of thousands of requests per level at Gatling's rate here), the sweep's four
     * levels as in full, and slow clients with 2 requests each: still above stage 2's 2 s idle
     * timeout and stage 3's workers, in a quarter of the time. 2,000 idle connections: well past
     * stage 3's 192 and cheap to open.
     */
    static final Profile QUICK = new Profile("quick", Map.ofEntries(
            Map.entry("h1kit.stepSeconds", "3"),
            Map.entry("h1kit.slowRequests", "2"),
            Map.entry("h1kit.maxSeconds", "60")), List.of(1, 8, 64, 256), 2_000, 60);

    /**
     * The simulations' own defaults (10 s per level and run, 200 slow clients with 5 requests),
     * and 10,000 idle connections, where per-connection memory stands out from the JVM's noise.
     */
    static final Profile FULL = new Profile("full", Map.of(), List.of(1, 8, 64, 256), 10_000, 300);

    static final List<Profile> ALL = List.of(SMOKE, QUICK, FULL);

    static Profile byName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return ALL.stream().filter(p -> p.name.equals(n)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("unknown profile '" + name + "'; use quick, full or smoke"));
    }
}
