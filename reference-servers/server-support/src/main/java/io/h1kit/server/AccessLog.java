package io.h1kit.server;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The access log, one line per response in the Combined Log Format of Apache httpd and nginx
 * ({@code %h %l %u %t "%r" %>s %b "%{Referer}i" "%{User-Agent}i"}), so the usual log tools read
 * it. Times are in UTC. Thread-safe.
 */
public final class AccessLog {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final LogSink sink;
    private final Clock clock;
    private final PerSecondText time = new PerSecondText(second -> TIME.format(Instant.ofEpochSecond(second)));

    public AccessLog(LogSink sink, Clock clock) {
        this.sink = sink;
        this.clock = clock;
    }

    /**
     * Logs one response.
     *
     * @param client      the client's address
     * @param requestLine the request-line as received, or null when none could be read
     * @param status      the status code sent
     * @param bodyBytes   content bytes sent (0 prints "-")
     * @param referer     the Referer field, or null
     * @param userAgent   the User-Agent field, or null
     */
    public void log(InetSocketAddress client, String requestLine, int status, long bodyBytes,
                    String referer, String userAgent) {
        if (!sink.enabled()) {
            return;
        }
        StringBuilder sb = new StringBuilder(160);
        sb.append(client.getAddress().getHostAddress()).append(" - - [").append(time()).append("] \"");
        sb.append(requestLine == null ? "-" : LogText.escapeBytes(requestLine)).append("\" ");
        sb.append(status).append(' ').append(bodyBytes == 0 ? "-" : Long.toString(bodyBytes));
        sb.append(" \"").append(referer == null ? "-" : LogText.escapeBytes(referer));
        sb.append("\" \"").append(userAgent == null ? "-" : LogText.escapeBytes(userAgent)).append('"');
        sink.line(sb.toString());
    }

    /**
     * Logs one connection of a stream protocol (the echo stage):
     * {@code %h:port [%t] bytes_in=N bytes_out=N duration_ms=N end=REASON}.
     */
    public void connection(InetSocketAddress client, long bytesIn, long bytesOut, long durationMillis, String end) {
        if (sink.enabled()) {
            sink.line(client.getAddress().getHostAddress() + ":" + client.getPort() + " [" + time() + "] bytes_in="
                    + bytesIn + " bytes_out=" + bytesOut + " duration_ms=" + durationMillis + " end=" + end);
        }
    }

    private String time() {
        return time.format(clock.epochSecond());
    }
}
