package io.h1kit.conformance.report;

import io.h1kit.conformance.client.Connection;
import io.h1kit.conformance.model.Verdict;
import io.h1kit.conformance.run.CaseResult;
import io.h1kit.conformance.run.RunResult;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** report.json: valid against its schema, complete, and byte-exact in its evidence. */
class JsonReportTest {

    private static JsonNode caseNode(JsonNode run, String id) {
        for (JsonNode c : run.get("cases")) {
            if (c.get("id").stringValue().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no case " + id);
    }

    @Test
    void theSchemaIsAValidDraft2020_12Schema() {
        assertEquals(List.of(), SchemaCheck.metaSchemaErrors());
    }

    @Test
    void aSessionWithEveryVerdictTwoTargetsAReferenceAndABaselineMatchesTheSchema() {
        String json = JsonReport.render(Synthetic.session());
        assertEquals(List.of(), SchemaCheck.errors(json));
    }

    @Test
    void anUnreachableTargetMatchesTheSchema() {
        String json = JsonReport.render(Synthetic.single(Synthetic.unreachable("gone")));
        assertEquals(List.of(), SchemaCheck.errors(json));
        JsonNode root = JsonMapper.shared().readTree(json);
        assertEquals(3, root.get("exitCode").asInt());
        assertFalse(root.get("runs").get(0).get("reachable").asBoolean());
    }

    @Test
    void theSchemaRejectsADocumentWithoutAVerdict() {
        ObjectNode doc = JsonReport.document(Synthetic.single(Synthetic.everyVerdict("t", false)));
        ((ObjectNode) doc.get("runs").get(0).get("cases").get(0)).remove("verdict");
        assertFalse(SchemaCheck.errors(doc).isEmpty(), "the validator must see the missing verdict");
        ObjectNode other = JsonReport.document(Synthetic.single(Synthetic.everyVerdict("t", false)));
        ((ObjectNode) other.get("runs").get(0).get("cases").get(0)).put("verdict", "MAYBE");
        assertFalse(SchemaCheck.errors(other).isEmpty(), "an unknown verdict must be rejected");
    }

    @Test
    void theHeaderNamesTheSchemaToolCommandAndExitCode() {
        JsonNode root = JsonReport.document(Synthetic.session());
        assertEquals("h1kit-conformance/1", root.get("schema").stringValue());
        assertEquals("h1kit", root.get("tool").get("name").stringValue());
        assertEquals("2026-11-20T10:15:35Z", root.get("generated").stringValue());
        assertTrue(root.get("command").stringValue().startsWith("./h1kit conformance --target "));
        // The synthetic runs hold a gating ERROR (SMUG-01 has no baseline entry): internal error.
        assertEquals(4, root.get("exitCode").asInt());
    }

    @Test
    void everyCaseCarriesItsRequirementOutcomesVerdictAndRerunCommand() {
        JsonNode run = JsonReport.document(Synthetic.single(Synthetic.everyVerdict("t", false))).get("runs").get(0);
        JsonNode te = caseNode(run, "9112-6.1/05");
        assertEquals("TE-05", te.get("ref").stringValue());
        assertEquals("TE", te.get("group").stringValue());
        assertEquals("MUST", te.get("level").stringValue());
        assertEquals("RFC 9112 §6.1", te.get("rfc").stringValue());
        assertEquals(Synthetic.NON_ASCII_TITLE, te.get("title").stringValue());
        assertEquals("400 then close", te.get("accepted").get(0).get("outcome").stringValue());
        assertEquals("PASS", te.get("accepted").get(0).get("verdict").stringValue());
        assertEquals("NON_STRICT", te.get("accepted").get(1).get("verdict").stringValue());
        assertEquals("FAIL", te.get("otherwise").stringValue());
        assertEquals("FAIL", te.get("verdict").stringValue());
        assertTrue(te.get("gates").asBoolean());
        assertEquals("2 responses [200, 200], connection left open", te.get("observed").stringValue());
        assertEquals(List.of(200, 200), te.get("observation").get("statuses").valueStream().map(JsonNode::asInt).toList());
        assertEquals("RESP-03", te.get("lint").get(0).get("ref").stringValue());
        assertEquals(1234, te.get("facts").get("closeMillis").asInt());
        assertEquals("./h1kit conformance --target 127.0.0.1:8080 --profile http --include 9112-6.1/05",
                te.get("rerun").stringValue());
        assertTrue(caseNode(run, "9110-13.1/01").get("observation").isNull(), "a SKIP case has no observation");
        assertEquals(List.of("9112-6.1/05", "9112-11.2/01"),
                run.get("gating").valueStream().map(JsonNode::stringValue).toList());
        assertEquals(2, run.get("counts").get("PASS").asInt());
        assertEquals(1, run.get("counts").get("DEP_FAIL").asInt());
        assertFalse(run.get("capabilities").get("echo-fixture").get("present").asBoolean());
        assertEquals("probed", run.get("capabilities").get("echo-fixture").get("source").stringValue());
    }

    @Test
    void evidenceKeepsEveryKeptByteAsBase64AndEscapedText() {
        RunResult run = Synthetic.everyVerdict("t", false);
        JsonNode te = caseNode(JsonReport.document(Synthetic.single(run)).get("runs").get(0), "9112-6.1/05");
        JsonNode first = te.get("transcripts").get(0);
        assertEquals(1, first.get("number").asInt());
        assertEquals("raw socket", first.get("via").stringValue());
        assertArrayEquals(Synthetic.HOSTILE, Base64.getDecoder().decode(first.get("received").get("base64").stringValue()));
        String text = first.get("received").get("text").stringValue();
        assertTrue(text.startsWith("HTTP/1.1 200 OK\\r\\nContent-Type"), text);
        assertTrue(text.endsWith("\\x00\\xff\\x1b\\x85\\r"), text);
        assertTrue(text.contains("Gr\\xc3\\xb6\\xc3\\x9fe"), "UTF-8 bytes are escaped one by one: " + text);
        assertFalse(first.get("received").get("truncated").asBoolean());

        JsonNode second = te.get("transcripts").get(1);
        JsonNode received = second.get("received");
        assertTrue(received.get("truncated").asBoolean());
        assertEquals(Synthetic.HOSTILE.length + 20_000, received.get("total").asLong());
        assertEquals(Connection.MAX_EVIDENCE_BYTES, Base64.getDecoder().decode(received.get("base64").stringValue()).length);

        JsonNode timeline = first.get("timeline");
        assertEquals("CONNECT", timeline.get(0).get("kind").stringValue());
        assertEquals("", timeline.get(1).get("note").stringValue(), "a null note is written as empty");
        assertEquals("1000 ms", timeline.get(2).get("note").stringValue());
    }

    @Test
    void theBaselineAndTheReferenceAreRecordedPerRunAndPerCase() {
        JsonNode root = JsonReport.document(Synthetic.session());
        JsonNode a = root.get("runs").get(0);
        JsonNode baseline = a.get("baseline");
        assertEquals("known.json", baseline.get("file").stringValue());
        assertEquals(List.of("9112-6.1/05"), baseline.get("excused").valueStream().map(JsonNode::stringValue).toList());
        assertEquals(List.of("9112-3/01"), baseline.get("unexpectedPasses").valueStream().map(JsonNode::stringValue).toList());
        assertEquals(List.of("9999-1/01"), baseline.get("unknownIds").valueStream().map(JsonNode::stringValue).toList());
        assertEquals("KNOWN", caseNode(a, "9112-6.1/05").get("baseline").get("standing").stringValue());
        assertFalse(caseNode(a, "9112-6.1/05").get("gates").asBoolean(), "a known failure does not gate");
        assertTrue(caseNode(a, "9112-3/01").get("gates").asBoolean(), "an unexpected pass gates");
        assertTrue(root.get("runs").get(1).get("baseline").isNull());

        JsonNode diff = root.get("differential");
        assertEquals("reference", diff.get("reference").get("role").stringValue());
        assertEquals("nginx", diff.get("reference").get("target").stringValue());
        JsonNode comparison = diff.get("comparisons").get(0);
        assertEquals("a.example", comparison.get("target").stringValue());
        assertEquals("PASS", caseNode(a, "9112-2.2/02").get("reference").get("verdict").stringValue());
        assertEquals("RESPONSE", caseNode(a, "9112-2.2/02").get("reference").get("divergence").stringValue(),
                "closing without a response and answering 400 both reject");
    }

    @Test
    void nonPassCountsMatchTheRun() {
        RunResult run = Synthetic.everyVerdict("t", true);
        JsonNode counts = JsonReport.document(Synthetic.single(run)).get("runs").get(0).get("counts");
        for (Verdict v : Verdict.values()) {
            long expected = run.results().stream().map(CaseResult::verdict).filter(v::equals).count();
            assertEquals(expected, counts.get(v.name()).asLong(), v.name());
        }
    }
}
