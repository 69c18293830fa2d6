package io.h1kit.conformance.report;

import io.h1kit.conformance.ReferenceServers;
import io.h1kit.conformance.junit.ConformanceSuite;
import io.h1kit.conformance.model.Profile;
import io.h1kit.conformance.model.Target;
import io.h1kit.conformance.run.CaseResult;
import io.h1kit.conformance.run.RunOptions;
import io.h1kit.conformance.run.RunResult;
import io.h1kit.server.testing.RunningServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The three reports of real runs against the kit's reference servers (the request-line group over
 * HTTP and the echo profile, so that the test stays quick as the catalogue grows), checked against
 * their schemas, with real evidence and timelines.
 */
class RealRunReportsTest {
    private static RunResult http;
    private static RunResult echo;

    private static RunOptions options(Profile profile, List<String> include) {
        RunOptions defaults = RunOptions.defaults(profile);
        return defaults.withBudgets(defaults.budgets().withServerTimeout(Duration.ofSeconds(5))).withInclude(include);
    }

    @BeforeAll
    static void run() throws IOException {
        try (RunningServer server = ReferenceServers.sequential()) {
            http = ConformanceSuite.run(Target.of("h1kit-sequential", server.address()), options(Profile.HTTP, List.of("9112-3/")));
        }
        try (RunningServer server = ReferenceServers.echo()) {
            echo = ConformanceSuite.run(Target.of("h1kit-echo", server.address()), options(Profile.ECHO, List.of("862/0")));
        }
    }

    private static Session session(RunResult run) {
        return new Session("./h1kit conformance --target " + run.target().hostPort(), Instant.now(), Session.toolVersion(),
                List.of(TargetReport.of(run)), null);
    }

    @Test
    void theHttpRunsReportsAreValidAndComplete(@TempDir Path dir) throws Exception {
        check(http, dir);
    }

    @Test
    void theEchoRunsReportsAreValidAndComplete(@TempDir Path dir) throws Exception {
        check(echo, dir);
    }

    @Test
    void aRunBesideItselfAsReferenceIsAllOk(@TempDir Path dir) throws Exception {
        Session s = new Session("./h1kit conformance", Instant.now(), "test",
                List.of(new TargetReport(http, null, Differential.of(http, http))), http);
        ReportFiles files = ReportFiles.write(s, dir);
        assertEquals(List.of(), SchemaCheck.errors(Files.readString(files.json())));
        XsdCheck.validate(Files.readString(files.junit()));
        HtmlCheck.check(Files.readString(files.html()));
        assertEquals(http.results().size(), Differential.of(http, http).counts().get(Divergence.OK));
    }

    private static void check(RunResult run, Path dir) throws Exception {
        assertTrue(run.reachable());
        ReportFiles files = ReportFiles.write(session(run), dir);
        assertTrue(Files.exists(dir.resolve("report.css")), "the sibling stylesheet");

        String json = Files.readString(files.json());
        assertEquals(List.of(), SchemaCheck.errors(json));
        JsonNode doc = JsonMapper.shared().readTree(json);
        assertEquals(0, doc.get("exitCode").asInt(), "the reference servers pass their profile");
        JsonNode first = doc.get("runs").get(0).get("cases").get(0);
        JsonNode transcript = first.get("transcripts").get(0);
        assertEquals("CONNECT", transcript.get("timeline").get(0).get("kind").stringValue(), "a real timeline");
        assertTrue(transcript.get("sent").get("total").asLong() > 0, "real bytes sent");
        assertTrue(transcript.get("received").get("total").asLong() > 0, "real bytes received");

        XsdCheck.validate(Files.readString(files.junit()));

        String html = Files.readString(files.html());
        HtmlCheck.check(html);
        for (CaseResult r : run.results()) {
            assertTrue(html.contains("<code>" + r.kase().id() + "</code>"), r.kase().id());
            assertTrue(html.contains(Rerun.command(run, r.kase().id())), "re-run command of " + r.kase().id());
        }
    }
}
