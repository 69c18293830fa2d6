package io.h1kit.conformance.report;

import io.h1kit.conformance.client.Connection;
import io.h1kit.conformance.client.Timeline;
import io.h1kit.conformance.client.Transcript;
import io.h1kit.conformance.client.WireResponse;
import io.h1kit.conformance.lint.Finding;
import io.h1kit.conformance.model.Capability;
import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.Observation;
import io.h1kit.conformance.run.CapabilityStatus;
import io.h1kit.conformance.run.CaseResult;
import io.h1kit.conformance.run.RunResult;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/**
 * {@code report.json}: the whole session as versioned JSON ({@value Session#SCHEMA}, described by
 * {@code h1kit-conformance-1.schema.json}), with every byte of evidence (escaped text and base64)
 * so that other tools can re-judge or re-render a run. Field names are a public contract: add
 * fields freely, rename or remove only with a new schema version.
 */
public final class JsonReport {
    /** The schema's resource name on the classpath. */
    public static final String SCHEMA_RESOURCE = "/h1kit-conformance-1.schema.json";

    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private JsonReport() {
    }

    public static void write(Session session, Path file) throws IOException {
        Files.writeString(file, render(session) + "\n");
    }

    public static String render(Session session) {
        return MAPPER.writeValueAsString(document(session));
    }

    public static ObjectNode document(Session session) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", Session.SCHEMA);
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "h1kit");
        tool.put("version", session.version());
        root.put("generated", session.generated().toString());
        root.put("command", session.command());
        root.put("exitCode", session.exitCode());
        root.put("exitMeaning", ExitCodes.meaning(session.exitCode()));
        ArrayNode runs = root.putArray("runs");
        for (TargetReport t : session.targets()) {
            runs.add(run(t, "target"));
        }
        if (session.reference() == null) {
            root.putNull("differential");
        } else {
            root.set("differential", differential(session));
        }
        return root;
    }

    private static ObjectNode differential(Session session) {
        ObjectNode d = MAPPER.createObjectNode();
        d.set("reference", run(TargetReport.of(session.reference()), "reference"));
        ArrayNode comparisons = d.putArray("comparisons");
        for (TargetReport t : session.targets()) {
            if (t.differential() == null) {
                continue;
            }
            ObjectNode c = comparisons.addObject();
            c.put("target", t.run().target().name());
            ObjectNode counts = c.putObject("counts");
            t.differential().counts().forEach((k, v) -> counts.put(k.name(), v));
            ArrayNode pairs = c.putArray("pairs");
            for (Differential.Pair p : t.differential().pairs()) {
                ObjectNode o = pairs.addObject();
                o.put("id", p.id());
                o.put("ref", p.target().kase().ref());
                o.put("divergence", p.divergence().name());
                o.put("meaning", p.divergence().meaning());
                o.set("target", side(p.target()));
                o.set("reference", side(p.reference()));
            }
        }
        return d;
    }

    private static ObjectNode side(CaseResult r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("verdict", r.verdict().name());
        ArrayNode statuses = o.putArray("statuses");
        if (r.observation() != null) {
            Divergence.statuses(r.observation()).forEach(statuses::add);
            o.put("observed", r.observation().summary());
        } else {
            o.putNull("observed");
        }
        return o;
    }

    private static ObjectNode run(TargetReport t, String role) {
        RunResult run = t.run();
        ObjectNode o = MAPPER.createObjectNode();
        o.put("role", role);
        o.put("target", run.target().name());
        o.put("address", run.target().hostPort());
        o.put("profile", run.options().profile().label());
        o.put("strict", run.options().strict());
        o.put("reachable", run.reachable());
        ObjectNode caps = o.putObject("capabilities");
        for (Map.Entry<Capability, CapabilityStatus> e : run.capabilities().entrySet()) {
            ObjectNode c = caps.putObject(e.getKey().label());
            c.put("present", e.getValue().present());
            c.put("source", e.getValue().source());
            c.put("detail", e.getValue().detail());
        }
        o.put("started", run.started().toString());
        o.put("millis", run.millis());
        ObjectNode counts = o.putObject("counts");
        run.counts().forEach((k, v) -> counts.put(k.name(), v));
        o.put("exitCode", t.exitCode());
        o.put("exitMeaning", ExitCodes.meaning(t.exitCode()));
        ArrayNode gating = o.putArray("gating");
        t.gating().forEach(r -> gating.add(r.kase().id()));
        if (t.baseline() == null) {
            o.putNull("baseline");
        } else {
            o.set("baseline", baseline(t.baseline(), run));
        }
        ArrayNode cases = o.putArray("cases");
        for (CaseResult r : run.results()) {
            cases.add(caseNode(t, r));
        }
        return o;
    }

    private static ObjectNode baseline(BaselineCheck check, RunResult run) {
        ObjectNode b = MAPPER.createObjectNode();
        b.put("file", check.source());
        b.put("target", check.baseline().target());
        ArrayNode known = b.putArray("known");
        check.ids(BaselineCheck.Standing.KNOWN).forEach(known::add);
        ArrayNode excused = b.putArray("excused");
        check.excused(run).forEach(excused::add);
        ArrayNode unexpected = b.putArray("unexpectedPasses");
        check.ids(BaselineCheck.Standing.UNEXPECTED_PASS).forEach(unexpected::add);
        ArrayNode fresh = b.putArray("newFailures");
        check.ids(BaselineCheck.Standing.NEW_FAILURE).forEach(fresh::add);
        ArrayNode changed = b.putArray("changed");
        for (String id : check.ids(BaselineCheck.Standing.CHANGED)) {
            BaselineCheck.Entry e = check.entry(id);
            ObjectNode c = changed.addObject();
            c.put("id", id);
            c.put("was", e.recorded().name());
            c.put("now", e.now().name());
        }
        ArrayNode unknown = b.putArray("unknownIds");
        check.unknownIds().forEach(unknown::add);
        return b;
    }

    private static ObjectNode caseNode(TargetReport t, CaseResult r) {
        Case c = r.kase();
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", c.id());
        o.put("ref", c.ref());
        o.put("group", Group.of(c));
        o.put("title", c.title());
        o.put("level", c.level().name());
        o.put("rfc", c.rfc());
        o.put("requirement", c.requirement());
        ArrayNode accepted = o.putArray("accepted");
        for (Case.Accepted a : c.accepted()) {
            ObjectNode n = accepted.addObject();
            n.put("outcome", a.outcome().describe());
            n.put("verdict", a.verdict().name());
        }
        o.put("otherwise", c.otherwise().name());
        o.put("verdict", r.verdict().name());
        o.put("matched", r.matched());
        Observation obs = r.observation();
        if (obs == null) {
            o.putNull("observed");
            o.putNull("observation");
        } else {
            o.put("observed", obs.summary());
            o.set("observation", observation(obs));
        }
        o.put("gates", t.gates(r));
        BaselineCheck.Entry standing = t.standing(r);
        if (standing == null) {
            o.putNull("baseline");
        } else {
            ObjectNode b = o.putObject("baseline");
            b.put("standing", standing.standing().name());
            if (standing.recorded() == null) {
                b.putNull("recorded");
            } else {
                b.put("recorded", standing.recorded().name());
            }
        }
        Differential.Pair pair = t.differential() == null ? null : t.differential().pair(c.id());
        if (pair == null) {
            o.putNull("reference");
        } else {
            ObjectNode ref = o.putObject("reference");
            ref.put("verdict", pair.reference().verdict().name());
            ref.put("divergence", pair.divergence().name());
        }
        o.put("millis", r.millis());
        ArrayNode lint = o.putArray("lint");
        for (Finding f : r.lint()) {
            ObjectNode n = lint.addObject();
            n.put("ref", f.ref());
            n.put("message", f.message());
        }
        ObjectNode facts = o.putObject("facts");
        if (obs != null) {
            obs.facts().forEach((k, v) -> fact(facts, k, v));
        }
        o.put("hint", c.hint());
        o.put("rerun", Rerun.command(t.run(), c.id()));
        ArrayNode transcripts = o.putArray("transcripts");
        if (obs != null) {
            for (Transcript tr : obs.transcripts()) {
                transcripts.add(transcript(tr));
            }
        }
        return o;
    }

    private static ObjectNode observation(Observation obs) {
        ObjectNode o = MAPPER.createObjectNode();
        ArrayNode statuses = o.putArray("statuses");
        Divergence.statuses(obs).forEach(statuses::add);
        ArrayNode interim = o.putArray("interim");
        obs.interim().forEach(w -> interim.add(w.status()));
        o.put("close", obs.close().name());
        o.put("timedOut", obs.timedOut());
        ArrayNode responses = o.putArray("responses");
        for (WireResponse w : obs.responses()) {
            ObjectNode n = responses.addObject();
            n.put("status", w.status());
            n.put("statusLine", w.statusLine());
            n.put("framing", w.framing().name());
            n.put("bodyBytes", w.body().length);
            ArrayNode notes = n.putArray("notes");
            w.notes().forEach(notes::add);
        }
        return o;
    }

    private static void fact(ObjectNode facts, String name, Object value) {
        switch (value) {
            case null -> facts.putNull(name);
            case Boolean b -> facts.put(name, b);
            case Integer i -> facts.put(name, i);
            case Long l -> facts.put(name, l);
            case Number n -> facts.put(name, n.doubleValue());
            default -> facts.put(name, String.valueOf(value));
        }
    }

    private static ObjectNode transcript(Transcript t) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("number", t.number());
        o.put("via", t.via());
        o.set("sent", evidence(t.sent()));
        o.set("received", evidence(t.received()));
        ArrayNode timeline = o.putArray("timeline");
        for (Timeline.Event e : t.timeline().events()) {
            ObjectNode n = timeline.addObject();
            n.put("micros", e.micros());
            n.put("kind", e.kind().name());
            n.put("bytes", e.bytes());
            n.put("note", e.note() == null ? "" : e.note());
        }
        return o;
    }

    private static ObjectNode evidence(Connection.Evidence e) {
        byte[] bytes = e.bytes();
        ObjectNode o = MAPPER.createObjectNode();
        o.put("text", Describe.escape(bytes, bytes.length));
        o.put("base64", Base64.getEncoder().encodeToString(bytes));
        o.put("total", e.total());
        o.put("truncated", e.truncated());
        return o;
    }
}
