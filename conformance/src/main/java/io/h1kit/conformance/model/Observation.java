package io.h1kit.conformance.model;

import io.h1kit.conformance.client.CloseState;
import io.h1kit.conformance.client.Transcript;
import io.h1kit.conformance.client.WireResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a probe saw: the final responses in order, any interim (1xx) responses, how the connection
 * stood at the end, and facts a probe measured itself (an echo digest, a close time). The
 * exchanges are kept as evidence (bytes both ways and their timelines).
 *
 * @param responses  the final (non-1xx) responses, in order
 * @param interim    the 1xx responses, in order
 * @param close      the connection's state when the probe stopped watching
 * @param timedOut   whether a response the probe waited for never came
 * @param facts      measurements by name, shown in the report
 * @param transcripts the exchanges made (raw connections, or a client library's), for evidence
 */
public record Observation(List<WireResponse> responses, List<WireResponse> interim, CloseState close,
                          boolean timedOut, Map<String, Object> facts, List<Transcript> transcripts) {

    public Observation {
        responses = List.copyOf(responses);
        interim = List.copyOf(interim);
        facts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        transcripts = List.copyOf(transcripts);
    }

    /** The first final response, or null. */
    public WireResponse first() {
        return responses.isEmpty() ? null : responses.getFirst();
    }

    /** The status of the first final response, or -1 when there was none. */
    public int status() {
        return responses.isEmpty() ? -1 : responses.getFirst().status();
    }

    public int count() {
        return responses.size();
    }

    public WireResponse response(int index) {
        return index < responses.size() ? responses.get(index) : null;
    }

    public Object fact(String name) {
        return facts.get(name);
    }

    /** A copy with one more fact. */
    public Observation with(String fact, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(facts);
        more.put(fact, value);
        return new Observation(responses, interim, close, timedOut, more, transcripts);
    }

    /** A short account for the console and the report: "400 then FIN", "2 responses, open". */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        if (!interim.isEmpty()) {
            sb.append(interim.stream().map(r -> String.valueOf(r.status())).toList()).append(" interim, ");
        }
        if (responses.isEmpty()) {
            sb.append(timedOut ? "no response (timed out)" : "no response");
        } else if (responses.size() == 1) {
            sb.append(responses.getFirst().status());
        } else {
            sb.append(responses.size()).append(" responses ")
                    .append(responses.stream().map(r -> String.valueOf(r.status())).toList());
        }
        switch (close) {
            case FIN -> sb.append(", then closed (FIN)");
            case RST -> sb.append(", then reset (RST)");
            case OPEN -> sb.append(", connection left open");
            case NOT_CHECKED -> { }
        }
        if (timedOut && !responses.isEmpty()) {
            sb.append(", a further response never came");
        }
        return sb.toString();
    }
}
