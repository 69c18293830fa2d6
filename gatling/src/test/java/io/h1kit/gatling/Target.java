package io.h1kit.gatling;

import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * The server under load and the sizes of a run, read once from system properties
 * ({@code -Dh1kit.target=http://127.0.0.1:8080}). Every parameter has a default, chosen so that
 * a scenario ends in well under a minute on a 2-core machine where Gatling itself uses one core.
 * Immutable; simulations read it in their constructor.
 *
 * @param baseUrl          the server, {@code h1kit.target}: {@code h1kit serve}'s default address
 * @param name             {@code h1kit.targetName}: a stage name ({@code sequential},
 *                         {@code threadpool}, {@code eventloop}) picks that stage's expectations;
 *                         anything else gets the defaults in {@link Expectations}
 * @param users            {@code h1kit.users}: the closed-model sweep, 1,8,64,256: one client, a
 *                         few cores' worth, stage 3's 64 workers, and four times that
 * @param step             {@code h1kit.stepSeconds}: how long each level of a sweep lasts, and the
 *                         churn, large-file and site runs; 10 s gives tens of thousands of
 *                         requests per level at Gatling's rate here
 * @param requestsPerUser  {@code h1kit.requestsPerUser}: requests a closed-model user sends on its
 *                         connection before it ends; 100 makes keep-alive matter
 * @param rates            {@code h1kit.rates}: open-model arrivals per second, 50,200,800: well
 *                         under, near, and over what one Gatling core sends with a new
 *                         connection per user
 * @param churnUsers       {@code h1kit.churnUsers}: concurrent users closing after every request;
 *                         16 keeps accept() busy without exhausting ephemeral ports in a step
 * @param largeUsers       {@code h1kit.largeUsers}: concurrent downloads of the large file; 4,
 *                         since one 1 MiB download already fills a loopback write for a while
 * @param slowUsers        {@code h1kit.slowUsers}: keep-alive clients that think between
 *                         requests; 200 is above stage 3's 64 workers plus its queue of 128
 * @param think            {@code h1kit.thinkSeconds}: the pause between a slow client's requests;
 *                         3 s is above stage 2's 2 s idle timeout and under stage 3's 5 s
 * @param slowRequests     {@code h1kit.slowRequests}: requests per slow client; 5 holds each
 *                         connection for about 12 s
 * @param siteUsers        {@code h1kit.siteUsers}: concurrent visitors of the site scenario; 16
 * @param smallPath        {@code h1kit.smallPath}: a 1 KiB file (gatling/fixture/www/small.txt)
 * @param largePath        {@code h1kit.largePath}: a large file (gatling/fixture/www/large.bin)
 * @param largeBytes       {@code h1kit.largeBytes}: its exact length, checked on every download
 * @param sitePath         {@code h1kit.sitePath}: the site's folder, ending in '/'
 * @param maxDuration      {@code h1kit.maxSeconds}: the hard bound of any run, 300 s: the longest
 *                         default run (slow clients on a stage that times them out, about 70 s)
 *                         fits four times over
 */
public record Target(
        String baseUrl,
        String name,
        List<Integer> users,
        Duration step,
        int requestsPerUser,
        List<Integer> rates,
        int churnUsers,
        int largeUsers,
        int slowUsers,
        Duration think,
        int slowRequests,
        int siteUsers,
        String smallPath,
        String largePath,
        long largeBytes,
        String sitePath,
        Duration maxDuration) {

    /** The target's name when none is given: no stage, so the default expectations apply. */
    public static final String CUSTOM = "custom";

    public static Target fromSystemProperties() {
        Target target = new Target(
                string("h1kit.target", "http://127.0.0.1:8080"),
                string("h1kit.targetName", CUSTOM),
                ints("h1kit.users", "1,8,64,256"),
                Duration.ofSeconds(integer("h1kit.stepSeconds", 10)),
                integer("h1kit.requestsPerUser", 100),
                ints("h1kit.rates", "50,200,800"),
                integer("h1kit.churnUsers", 16),
                integer("h1kit.largeUsers", 4),
                integer("h1kit.slowUsers", 200),
                Duration.ofSeconds(integer("h1kit.thinkSeconds", 3)),
                integer("h1kit.slowRequests", 5),
                integer("h1kit.siteUsers", 16),
                string("h1kit.smallPath", "/small.txt"),
                string("h1kit.largePath", "/large.bin"),
                integer("h1kit.largeBytes", 1 << 20),
                string("h1kit.sitePath", "/site/"),
                Duration.ofSeconds(integer("h1kit.maxSeconds", 300)));
        target.requireLoopback();
        return target;
    }

    /**
     * The HTTP protocol every scenario shares: no warm-up call to gatling.io, no HTTP cache (the
     * site scenario sends its conditional requests itself, so that a 304 is asked for, not
     * implied), and an identifying User-Agent for the server's access log.
     */
    public HttpProtocolBuilder protocol() {
        return http.baseUrl(baseUrl)
                .disableWarmUp()
                .disableCaching()
                .userAgentHeader("h1kit-gatling")
                .acceptHeader("*/*");
    }

    /**
     * Load is only for servers on this machine ({@code h1kit.allowRemote=true} lifts it, for a
     * server of your own elsewhere): a load run against someone else's host is an attack.
     */
    private void requireLoopback() {
        if (Boolean.getBoolean("h1kit.allowRemote")) {
            return;
        }
        String host = URI.create(baseUrl).getHost();
        try {
            if (host != null && InetAddress.getByName(host).isLoopbackAddress()) {
                return;
            }
        } catch (UnknownHostException e) {
            // falls through to the refusal below
        }
        throw new IllegalArgumentException("h1kit.target must be a loopback address such as http://127.0.0.1:8080, was "
                + baseUrl + " (set -Dh1kit.allowRemote=true for a server of your own elsewhere)");
    }

    private static String string(String key, String fallback) {
        String value = System.getProperty(key);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static int integer(String key, int fallback) {
        String value = string(key, Integer.toString(fallback));
        try {
            int n = Integer.parseInt(value);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number >= 0, was '" + value + "'");
        }
    }

    private static List<Integer> ints(String key, String fallback) {
        String value = string(key, fallback);
        try {
            return Arrays.stream(value.split(",")).map(String::strip).map(Integer::valueOf).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a comma-separated list of numbers, was '" + value + "'");
        }
    }
}
