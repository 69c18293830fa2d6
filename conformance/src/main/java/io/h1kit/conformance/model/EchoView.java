package io.h1kit.conformance.model;

import io.h1kit.conformance.client.WireResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * What the target's {@code /echo} fixture says it parsed. The fixture answers with a JSON object:
 * <pre>
 * {"method":"POST","target":"/echo","version":"HTTP/1.1","framing":"chunked",
 *  "headers":[["Host","t"],...],"body":"hello","bodyLength":5,"trailers":[...]}
 * </pre>
 * Field values and the body carry one character per byte (U+0000 to U+00FF). A server that wants
 * the suite's framing checks implements this; "framing" and "trailers" are optional.
 */
public record EchoView(String method, String target, String version, String framing, List<String[]> headers,
                       String body, List<String[]> trailers) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Parses the body of an /echo response; null when it is not the fixture's JSON. */
    public static EchoView of(WireResponse response) {
        if (response == null || response.status() != 200) {
            return null;
        }
        try {
            JsonNode root = JSON.readTree(response.body());
            if (!root.isObject() || !root.has("method")) {
                return null;
            }
            return new EchoView(text(root, "method"), text(root, "target"), text(root, "version"), text(root, "framing"),
                    pairs(root.get("headers")), text(root, "body"), pairs(root.get("trailers")));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The value of the first header of that name (case-insensitive), or null. */
    public String header(String name) {
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) {
                return h[1];
            }
        }
        return null;
    }

    public boolean hasHeader(String name) {
        return header(name) != null;
    }

    private static String text(JsonNode root, String name) {
        JsonNode node = root.get(name);
        return node == null || node.isNull() ? null : node.asString();
    }

    private static List<String[]> pairs(JsonNode array) {
        List<String[]> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode pair : array) {
                if (pair.isArray() && pair.size() == 2) {
                    out.add(new String[] {pair.get(0).asString(), pair.get(1).asString()});
                }
            }
        }
        return out;
    }
}
