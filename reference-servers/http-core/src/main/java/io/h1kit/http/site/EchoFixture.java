package io.h1kit.http.site;

import io.h1kit.http.Fields;
import io.h1kit.http.Request;
import io.h1kit.http.RequestHead;
import io.h1kit.http.Response;
import io.h1kit.http.Status;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The {@code /echo} fixture of the conformance suite: answers any method with a JSON document of
 * what the server parsed, so the suite can see framing and field decisions from outside:
 * <pre>
 * {"method":"POST","target":"/echo","version":"HTTP/1.1","framing":"chunked",
 *  "headers":[["Host","t"],["Transfer-Encoding","chunked"]],
 *  "body":"hello","bodyLength":5,"trailers":[["X-T","v"]]}
 * </pre>
 * Field values and the body are bytes; each byte appears as the character of the same value
 * (U+0000 to U+00FF, that is ISO-8859-1), so the exact bytes can be recovered from the JSON.
 */
public final class EchoFixture {
    private static final JsonFactory JSON = new JsonFactory();

    private EchoFixture() {
    }

    public static Response respond(Request request) {
        RequestHead head = request.head();
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + request.body().length * 2);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringProperty("method", head.method());
            json.writeStringProperty("target", head.target().raw());
            json.writeStringProperty("version", head.versionText());
            json.writeStringProperty("framing", head.framing().kind().name().toLowerCase(java.util.Locale.ROOT));
            writeFields(json, "headers", head.fields());
            json.writeStringProperty("body", new String(request.body(), StandardCharsets.ISO_8859_1));
            json.writeNumberProperty("bodyLength", request.body().length);
            writeFields(json, "trailers", request.trailers());
            json.writeEndObject();
        }
        return Response.of(Status.OK_200, "application/json", out.toByteArray())
                .withField("Cache-Control", "no-store");
    }

    private static void writeFields(JsonGenerator json, String name, Fields fields) {
        json.writeArrayPropertyStart(name);
        for (Fields.Field field : fields) {
            json.writeStartArray();
            json.writeString(field.name());
            json.writeString(field.value());
            json.writeEndArray();
        }
        json.writeEndArray();
    }
}
