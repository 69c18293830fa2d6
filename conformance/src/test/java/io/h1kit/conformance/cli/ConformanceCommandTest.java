package io.h1kit.conformance.cli;

import io.h1kit.cli.Main;
import io.h1kit.conformance.testing.FakeServer;
import io.h1kit.conformance.testing.Responses;
import io.h1kit.conformance.testing.Wire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code h1kit conformance} end to end through the real entry point, against fake servers on
 * 127.0.0.1: each exit code of the contract, the report files, the baseline and the reference.
 * Runs select the request-line rows only (RL-01 is the baseline every HTTP case needs; RL-02 is a
 * SHOULD case that a server answering 200 to everything does not pass strictly), so that the
 * tests stay fast and stable as the catalogue grows.
 */
class ConformanceCommandTest {
    private static final String RL_01 = "9112-3/01";
    private static final String RL_01_AND_02 = "9112-3/01,9112-3/02";

    /** What one invocation printed and returned. */
    record Outcome(int exit, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("conformance"));
        all.addAll(List.of(args));
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Outcome(exit, out.toString(), err.toString());
    }

    /**
     * A fake that answers every request head with these bytes and closes at once: enough to drive
     * the command line to each exit code.
     */
    private static FakeServer answering(String response) throws IOException {
        byte[] answer = response.getBytes(StandardCharsets.ISO_8859_1);
        return FakeServer.start(socket -> {
            socket.setSoTimeout(3_000); // a half-sent request (the concurrency probe) is given up on
            Wire.readHead(socket.getInputStream()); // to the empty line or the end: the answer goes either way
            socket.getOutputStream().write(answer);
        });
    }

    private static FakeServer ok() throws IOException {
        return answering(Responses.closing("200 OK", "ok"));
    }

    private static FakeServer badRequest() throws IOException {
        return answering(Responses.closing("400 Bad Request", ""));
    }

    private static FakeServer serverError() throws IOException {
        return answering(Responses.closing("500 Internal Server Error", ""));
    }

    private static JsonNode json(Path dir) throws IOException {
        return JsonMapper.shared().readTree(Files.readString(dir.resolve("report.json")));
    }

    @Test
    void aServerThatPassesExitsZeroAndWritesTheThreeReports(@TempDir Path dir) throws IOException {
        try (FakeServer server = ok()) {
            Outcome o = run("--target", server.hostPort(), "--include", RL_01, "--out", dir.toString());
            assertEquals(0, o.exit(), o.out() + o.err());
            assertEquals("", o.err());
            for (String file : List.of("report.json", "junit.xml", "report.html")) {
                assertTrue(Files.size(dir.resolve(file)) > 0, file);
                assertTrue(o.out().contains(dir.resolve(file).toString()), "the path of " + file + " is printed");
            }
            JsonNode doc = json(dir);
            assertEquals("./h1kit conformance --target " + server.hostPort() + " --include 9112-3/01 --out " + dir,
                    doc.get("command").stringValue());
            assertEquals("PASS", doc.get("runs").get(0).get("cases").get(0).get("verdict").stringValue());
        }
    }

    @Test
    void gatingFailuresExitOne(@TempDir Path dir) throws IOException {
        try (FakeServer server = ok()) {
            Outcome lax = run("--target", server.hostPort(), "--include", RL_01_AND_02, "--out", dir.resolve("lax").toString());
            assertEquals(0, lax.exit(), "answering a malformed request line with 200 is not a MUST failure: " + lax.out());
            Outcome strict = run("--target", server.hostPort(), "--include", RL_01_AND_02, "--strict", "--out",
                    dir.resolve("strict").toString());
            assertEquals(1, strict.exit(), strict.out());
            assertTrue(strict.out().contains("gating failure(s) in strict mode: 9112-3/02"), strict.out());
            assertTrue(json(dir.resolve("strict")).get("runs").get(0).get("gating").toString().contains("9112-3/02"));
        }
    }

    @Test
    void usageErrorsExitTwoWithOneLine(@TempDir Path dir) throws IOException {
        Path notJson = Files.writeString(dir.resolve("known.json"), "not json");
        List<List<String>> bad = List.of(
                List.of("--bogus"),
                List.of("--target", "127.0.0.1:1", "stray"),
                List.of("--profile", "ftp", "--target", "127.0.0.1:1"),
                List.of("--target", "no-port"),
                List.of("--out", dir.toString()),
                List.of("--target", "127.0.0.1:1", "--baseline", dir.resolve("missing.json").toString()),
                List.of("--target", "127.0.0.1:1", "--baseline", notJson.toString()),
                List.of("--target", "127.0.0.1:1", "--target", "127.0.0.1:2", "--write-baseline", "x.json"),
                List.of("--target", "127.0.0.1:1", "--claim", "teleport"),
                List.of("--target", "127.0.0.1:1", "--out", notJson.resolve("sub").toString()));
        for (List<String> args : bad) {
            Outcome o = run(args.toArray(String[]::new));
            assertEquals(2, o.exit(), args + ": " + o.err());
            assertEquals(1, o.errLines().size(), args + " prints one line: " + o.err());
            assertTrue(o.err().startsWith("h1kit: "), o.err());
            assertEquals("", o.out(), args + " runs nothing");
        }
    }

    @Test
    void anUnreachableTargetExitsThree(@TempDir Path dir) throws IOException {
        int port = FakeServer.unusedPort();
        Outcome o = run("--target", "127.0.0.1:" + port, "--out", dir.toString());
        assertEquals(3, o.exit(), o.out() + o.err());
        assertTrue(o.out().contains("cannot connect to 127.0.0.1:" + port), o.out());
        assertFalse(json(dir).get("runs").get(0).get("reachable").asBoolean());
        assertTrue(Files.readString(dir.resolve("junit.xml")).contains("type=\"UNREACHABLE\""));
    }

    @Test
    void aFailedBaselineCaseExitsThree(@TempDir Path dir) throws IOException {
        try (FakeServer server = serverError()) {
            Outcome o = run("--target", server.hostPort(), "--include", RL_01, "--out", dir.toString());
            assertEquals(3, o.exit(), o.out() + o.err());
            assertTrue(o.out().contains("the baseline case failed"), o.out());
        }
    }

    @Test
    void theWorstTargetDecidesWithSeveralTargetsAndTheMatrixShowsThemAll(@TempDir Path dir) throws IOException {
        try (FakeServer good = ok()) {
            int port = FakeServer.unusedPort();
            Outcome o = run("--target", "good=" + good.hostPort(), "--target", "gone=127.0.0.1:" + port, "--include", RL_01,
                    "--out", dir.toString());
            assertEquals(3, o.exit(), o.out());
            String html = Files.readString(dir.resolve("report.html"));
            assertTrue(html.contains("id=\"matrix\""));
            assertTrue(html.contains("<th scope=\"col\">good</th><th scope=\"col\">gone</th>"), "one column per target");
            assertEquals(2, json(dir).get("runs").size());
        }
    }

    @Test
    void aRecordedBaselineExcusesKnownFailuresAndCatchesUnexpectedPasses(@TempDir Path dir) throws IOException {
        try (FakeServer server = ok()) {
            Path known = dir.resolve("known.json");
            Outcome record = run("--target", server.hostPort(), "--include", RL_01_AND_02, "--strict", "--out",
                    dir.resolve("1").toString(), "--write-baseline", known.toString());
            assertEquals(1, record.exit(), record.out());
            assertTrue(record.out().contains("baseline written: " + known), record.out());
            JsonNode baseline = JsonMapper.shared().readTree(Files.readString(known));
            assertEquals("h1kit-conformance-baseline/1", baseline.get("schema").stringValue());
            assertTrue(baseline.get("known").has("9112-3/02"), baseline.toString());
            assertFalse(baseline.get("known").has(RL_01), "PASS is not recorded");

            Outcome again = run("--target", server.hostPort(), "--include", RL_01_AND_02, "--strict", "--out",
                    dir.resolve("2").toString(), "--baseline", known.toString());
            assertEquals(0, again.exit(), "the known failure no longer gates: " + again.out());
            assertTrue(again.out().contains("1 known failure(s) reported, not gating: 9112-3/02"), again.out());
            assertTrue(json(dir.resolve("2")).get("runs").get(0).get("baseline").get("excused").toString().contains("9112-3/02"));

            Path stale = Files.writeString(dir.resolve("stale.json"), "{\"schema\":\"h1kit-conformance-baseline/1\","
                    + "\"target\":\"x\",\"known\":{\"9112-3/01\":\"FAIL\",\"9112-3/02\":\"NON_STRICT\",\"9112-3/02\":\"FAIL\","
                    + "\"0000-0/99\":\"FAIL\"}}");
            Outcome unexpected = run("--target", server.hostPort(), "--include", RL_01, "--out", dir.resolve("3").toString(),
                    "--baseline", stale.toString());
            assertEquals(1, unexpected.exit(), "RL-01 passes though listed as FAIL: " + unexpected.out());
            assertTrue(unexpected.out().contains("unexpected pass"), unexpected.out());
            assertTrue(unexpected.out().contains("1 id(s) the suite no longer has: 0000-0/99"), unexpected.out());
            String html = Files.readString(dir.resolve("3/report.html"));
            assertTrue(html.contains("<code>0000-0/99</code>"));
        }
    }

    @Test
    void aReferenceIsComparedAndNeverGates(@TempDir Path dir) throws IOException {
        try (FakeServer target = ok(); FakeServer reference = badRequest()) {
            Outcome o = run("--target", target.hostPort(), "--reference", "strict=" + reference.hostPort(), "--include", RL_01,
                    "--out", dir.toString());
            assertEquals(0, o.exit(), "the reference fails its baseline case, but it never gates: " + o.out());
            assertTrue(o.out().contains("reference strict"), o.out());
            assertTrue(o.out().contains("TYPE"), "200 against 400: one accepted, the other rejected: " + o.out());
            JsonNode diff = json(dir).get("differential");
            assertEquals("FAIL", diff.get("reference").get("cases").get(0).get("verdict").stringValue());
            assertEquals("TYPE", diff.get("comparisons").get(0).get("pairs").get(0).get("divergence").stringValue());
            assertTrue(Files.readString(dir.resolve("report.html")).contains("reference: strict"), "the matrix column");
            assertFalse(Files.readString(dir.resolve("junit.xml")).contains("h1kit.conformance.strict"),
                    "the reference is no test subject in junit.xml");
        }
    }

    @Test
    void listPrintsTheCasesAndWritesNothing(@TempDir Path dir) {
        Outcome o = run("--list", "--include", "9112-3/");
        assertEquals(0, o.exit());
        assertTrue(o.out().startsWith("9112-3/01"), o.out());
        assertEquals("", o.err());
    }
}
