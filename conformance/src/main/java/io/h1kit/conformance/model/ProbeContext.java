package io.h1kit.conformance.model;

import io.h1kit.conformance.client.CloseState;
import io.h1kit.conformance.client.Connection;
import io.h1kit.conformance.client.ResponseTimeoutException;
import io.h1kit.conformance.client.Transcript;
import io.h1kit.conformance.client.WireResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a probe works with: the target, the budgets, connections (kept as evidence), the sentinel,
 * and {@link #exchange} for the common shape "send these bytes in one write, read the answer".
 *
 * <p>Request texts may hold two placeholders: {@code {host}} for the Host value the run uses, and
 * {@code {S}} for the sentinel, a {@code GET /__s?n=ID} appended in the same write whose answer
 * shows how the server delimited what came before it. One context per case run; not thread-safe.
 */
public final class ProbeContext {
    private final Target target;
    private final Budgets budgets;
    private final String host;
    private final String caseId;
    private final boolean closeCheckByDefault;
    private final List<Connection> connections = new ArrayList<>();
    private final List<Transcript> transcripts = new ArrayList<>();

    public ProbeContext(Target target, Budgets budgets, String host, String caseId, boolean closeCheckByDefault) {
        this.target = target;
        this.budgets = budgets;
        this.host = host;
        this.caseId = caseId;
        this.closeCheckByDefault = closeCheckByDefault;
    }

    public Target target() {
        return target;
    }

    public Budgets budgets() {
        return budgets;
    }

    /** The Host value requests carry. */
    public String host() {
        return host;
    }

    /** The sentinel request for this case. */
    public String sentinel() {
        return "GET /__s?n=" + caseId.replaceAll("[^A-Za-z0-9._-]", "_") + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n";
    }

    /** {@code text} with {@code {host}} and {@code {S}} filled in. */
    public String expand(String text) {
        return text.replace("{host}", host).replace("{S}", sentinel());
    }

    /** Opens a connection to the target; it is closed and kept as evidence when the case ends. */
    public Connection connect() throws IOException {
        Connection c = Connection.open(transcripts.size() + 1, target.resolved(), budgets.connect());
        connections.add(c);
        transcripts.add(c);
        return c;
    }

    /** Every connection opened so far. */
    public List<Connection> connections() {
        return List.copyOf(connections);
    }

    /** Adds the evidence of an exchange made without a raw connection (for example through rest-assured). */
    public void record(Transcript transcript) {
        transcripts.add(transcript);
    }

    /** The number the next transcript gets. */
    public int nextTranscriptNumber() {
        return transcripts.size() + 1;
    }

    /**
     * Sends {@code text} (placeholders expanded, one write) on a new connection and reads one
     * response, two when the text holds the sentinel.
     */
    public Observation exchange(String text) throws IOException {
        return exchange(text, Read.responses(text.contains("{S}") ? 2 : 1));
    }

    public Observation exchange(String text, Read read) throws IOException {
        return exchange(expand(text).getBytes(StandardCharsets.ISO_8859_1), read);
    }

    public Observation exchange(byte[] bytes, Read read) throws IOException {
        Connection c = connect();
        c.write(bytes);
        return read(c, read);
    }

    /**
     * Reads responses on {@code c}: up to {@code read.expected()} final ones, each within the
     * response budget; then, if the close matters, watches for a close (or stray responses)
     * within the close window.
     */
    public Observation read(Connection c, Read read) {
        List<WireResponse> finals = new ArrayList<>();
        List<WireResponse> interim = new ArrayList<>();
        Duration timeout = read.timeout() != null ? read.timeout() : budgets.response();
        boolean timedOut = false;
        boolean closedEarly = false;
        while (finals.size() < read.expected()) {
            WireResponse r;
            try {
                r = c.readResponse(read.heads().contains(finals.size()), timeout);
            } catch (ResponseTimeoutException e) {
                timedOut = true;
                break;
            }
            if (r == null) {
                closedEarly = true;
                break;
            }
            (r.interim() ? interim : finals).add(r);
        }
        boolean check = read.closeCheck() != null ? read.closeCheck() : closeCheckByDefault;
        if (read.unlessSuccess() && !finals.isEmpty() && finals.getFirst().status() / 100 == 2) {
            check = false;
        }
        CloseState close = CloseState.NOT_CHECKED;
        if (closedEarly) {
            close = c.awaitClose(Duration.ofMillis(1));
        } else if (check && !timedOut) {
            close = c.awaitClose(read.closeWait() != null ? read.closeWait() : budgets.closeWindow());
            // Stray bytes after the expected responses: parse them, they are the evidence of a desync.
            while (close == CloseState.OPEN && c.hasUnread() && finals.size() < read.expected() + 8) {
                try {
                    WireResponse extra = c.readResponse(false, budgets.closeWindow());
                    if (extra == null) {
                        break;
                    }
                    (extra.interim() ? interim : finals).add(extra);
                } catch (ResponseTimeoutException e) {
                    break;
                }
                close = c.awaitClose(budgets.closeWindow());
            }
        } else if (timedOut && check) {
            close = c.awaitClose(Duration.ofMillis(1));
        }
        return new Observation(finals, interim, close, timedOut, Map.of(), transcripts);
    }

    /** An observation made by a custom probe, from its own measurements. */
    public Observation observe(List<WireResponse> responses, CloseState close, Map<String, Object> facts) {
        List<WireResponse> finals = new ArrayList<>();
        List<WireResponse> interim = new ArrayList<>();
        for (WireResponse r : responses) {
            (r.interim() ? interim : finals).add(r);
        }
        return new Observation(finals, interim, close, false, new LinkedHashMap<>(facts), transcripts);
    }

    /** Closes every connection the case opened. */
    public void closeAll() {
        connections.forEach(Connection::close);
    }
}
