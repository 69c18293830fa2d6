package io.h1kit.conformance.report;

import io.h1kit.conformance.client.Connection;
import io.h1kit.conformance.client.Timeline;
import io.h1kit.conformance.client.Transcript;
import io.h1kit.conformance.lint.Finding;
import io.h1kit.conformance.model.Capability;
import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.Level;
import io.h1kit.conformance.model.Verdict;
import io.h1kit.conformance.run.CapabilityStatus;
import io.h1kit.conformance.run.CaseResult;
import io.h1kit.conformance.run.RunResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code report.html} shows, computed in Java so that the template only lays it out: every
 * string here is plain text (the template escapes it), the byte evidence already turned into
 * escaped text and hex dumps.
 */
public final class HtmlModel {
    /** The hex dump of each direction stops here; report.json keeps every byte the suite kept. */
    public static final int HEX_BYTES = 4096;
    private static final Pattern RFC = Pattern.compile("RFC\\s*(\\d+)(?:[^§]*§\\s*([0-9A-Z][0-9.]*[0-9]|[0-9A-Z]))?");

    private HtmlModel() {
    }

    public record Page(String generated, String duration, String command, String version, String schema, int exitCode,
                       String exitMeaning, boolean exitOk, List<RunView> runs, Matrix matrix, RunView reference,
                       List<String> verdicts, List<String> levels) {
    }

    public record Matrix(List<String> columns, List<MatrixRow> rows) {
    }

    public record MatrixRow(String id, String ref, String title, String anchor, List<Cell> cells) {
    }

    /** A verdict or a count in a table: the words, the CSS class, and an optional note. */
    public record Cell(String label, String css, String note) {
    }

    public record RunView(String key, String role, String name, String address, String profile, boolean strict,
                          boolean reachable, String started, String duration, int exitCode, String exitMeaning,
                          List<CapView> capabilities, BaselineView baseline, DiffView diff, Dashboard byGroup,
                          Dashboard byLevel, List<CaseLink> gating, List<GroupView> groups, int cases) {
    }

    public record CapView(String name, String state, String source, String detail, String css) {
    }

    public record BaselineView(String file, String target, List<CaseLink> excused, List<CaseLink> unexpected,
                               List<CaseLink> newFailures, List<CaseLink> changed, List<String> unknownIds) {
    }

    public record DiffView(String reference, List<Cell> counts, List<PairView> pairs) {
    }

    public record PairView(String id, String anchor, String divergence, String meaning, String target, String reference) {
    }

    public record Dashboard(String title, List<DashRow> rows, DashRow total) {
    }

    public record DashRow(String name, List<Cell> counts, long total) {
    }

    public record CaseLink(String id, String anchor, String title, String verdict, String css, String note) {
    }

    public record GroupView(String name, String anchor, List<CaseView> cases, long flagged) {
    }

    public record CaseView(String anchor, String id, String ref, String level, String title, String rfc, String rfcUrl,
                           String requirement, List<Cell> accepted, String otherwise, String verdict, String css,
                           String matched, String observed, boolean gates, String gateNote, String baselineNote,
                           String referenceNote, String hint, List<Cell> lint, List<Cell> facts,
                           List<TranscriptView> transcripts, String rerun, String millis, boolean open) {
    }

    public record TranscriptView(int number, String via, Direction sent, Direction received, List<EventView> timeline) {
    }

    public record Direction(String text, String hex, long total, int kept, String note) {
    }

    public record EventView(String at, String kind, int bytes, String note) {
    }

    public static Page of(Session session) {
        List<RunView> runs = new ArrayList<>();
        for (int i = 0; i < session.targets().size(); i++) {
            runs.add(run("t" + (i + 1), "target", session.targets().get(i)));
        }
        RunView reference = session.reference() == null ? null : run("ref", "reference", TargetReport.of(session.reference()));
        Matrix matrix = session.targets().size() > 1 || session.reference() != null ? matrix(session) : null;
        int exit = session.exitCode();
        return new Page(session.generated().toString(), seconds(session.millis()), session.command(), session.version(),
                Session.SCHEMA, exit, ExitCodes.meaning(exit), exit == RunResult.EXIT_PASS, runs, matrix, reference,
                java.util.Arrays.stream(Verdict.values()).map(Group::label).toList(),
                java.util.Arrays.stream(Level.values()).map(Level::name).toList());
    }

    private static Matrix matrix(Session session) {
        List<String> columns = new ArrayList<>();
        session.targets().forEach(t -> columns.add(t.run().target().name()));
        if (session.reference() != null) {
            columns.add("reference: " + session.reference().target().name());
        }
        Map<String, CaseResult> firstSeen = new LinkedHashMap<>();
        Map<String, String> anchors = new LinkedHashMap<>();
        for (int i = 0; i < session.targets().size(); i++) {
            for (CaseResult r : session.targets().get(i).run().results()) {
                if (firstSeen.putIfAbsent(r.kase().id(), r) == null) {
                    anchors.put(r.kase().id(), anchor("t" + (i + 1), r.kase().id()));
                }
            }
        }
        List<MatrixRow> rows = new ArrayList<>();
        for (CaseResult first : firstSeen.values()) {
            String id = first.kase().id();
            List<Cell> cells = new ArrayList<>();
            for (TargetReport t : session.targets()) {
                CaseResult r = t.run().result(id);
                Differential.Pair pair = t.differential() == null ? null : t.differential().pair(id);
                String note = pair == null || pair.divergence() == Divergence.OK ? "" : pair.divergence().name();
                cells.add(r == null ? new Cell("not run", "v-none", "") : new Cell(Group.label(r.verdict()) + mark(t, r),
                        css(r.verdict()), note));
            }
            if (session.reference() != null) {
                CaseResult r = session.reference().result(id);
                cells.add(r == null ? new Cell("not run", "v-none", "") : new Cell(Group.label(r.verdict()), css(r.verdict()), ""));
            }
            rows.add(new MatrixRow(id, first.kase().ref(), Describe.printable(first.kase().title()), anchors.get(id), cells));
        }
        return new Matrix(columns, rows);
    }

    /** What a matrix cell adds to the verdict: whether it gates, or is a known result. */
    private static String mark(TargetReport t, CaseResult r) {
        BaselineCheck.Entry standing = t.standing(r);
        if (standing != null && standing.standing() == BaselineCheck.Standing.UNEXPECTED_PASS) {
            return " (unexpected: gates)";
        }
        if (t.gates(r)) {
            return " (gates)";
        }
        return standing != null && standing.standing() == BaselineCheck.Standing.KNOWN && Group.failing(r.verdict())
                ? " (known)" : "";
    }

    private static RunView run(String key, String role, TargetReport t) {
        RunResult run = t.run();
        List<CapView> caps = new ArrayList<>();
        for (Map.Entry<Capability, CapabilityStatus> e : run.capabilities().entrySet()) {
            CapabilityStatus s = e.getValue();
            String state = s.present() ? ("claimed".equals(s.source()) ? "claimed" : "probed: present") : "absent";
            caps.add(new CapView(e.getKey().label(), state, s.source(), s.detail(), s.present() ? "v-PASS" : "v-SKIP"));
        }
        Map<String, List<CaseView>> groups = new LinkedHashMap<>();
        Map<String, Long> flagged = new LinkedHashMap<>();
        List<CaseLink> gating = new ArrayList<>();
        for (CaseResult r : run.results()) {
            CaseView view = caseView(key, t, r);
            String group = Group.of(r.kase());
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(view);
            flagged.merge(group, r.verdict() == Verdict.PASS ? 0L : 1L, Long::sum);
            if (t.gates(r)) {
                gating.add(link(key, r, view.gateNote()));
            }
        }
        List<GroupView> groupViews = new ArrayList<>();
        groups.forEach((g, cases) -> groupViews.add(new GroupView(g, key + "-g-" + g, cases, flagged.get(g))));
        return new RunView(key, role, run.target().name(), run.target().hostPort(), run.options().profile().label(),
                run.options().strict(), run.reachable(), run.started().toString(), seconds(run.millis()), t.exitCode(),
                ExitCodes.meaning(t.exitCode()), caps, baseline(key, t), diff(key, t),
                dashboard("By group", run.results(), r -> Group.of(r.kase())),
                dashboard("By level", run.results(), r -> r.kase().level().name()), gating, groupViews, run.results().size());
    }

    private static CaseLink link(String key, CaseResult r, String note) {
        return new CaseLink(r.kase().id(), anchor(key, r.kase().id()), Describe.printable(r.kase().title()),
                Group.label(r.verdict()), css(r.verdict()), note);
    }

    private static BaselineView baseline(String key, TargetReport t) {
        BaselineCheck b = t.baseline();
        if (b == null) {
            return null;
        }
        RunResult run = t.run();
        List<CaseLink> excused = b.excused(run).stream().map(id -> link(key, run.result(id), b.entry(id).describe())).toList();
        return new BaselineView(b.source(), b.baseline().target(), excused,
                links(key, run, b, BaselineCheck.Standing.UNEXPECTED_PASS), links(key, run, b, BaselineCheck.Standing.NEW_FAILURE),
                links(key, run, b, BaselineCheck.Standing.CHANGED), b.unknownIds());
    }

    private static List<CaseLink> links(String key, RunResult run, BaselineCheck b, BaselineCheck.Standing standing) {
        return b.ids(standing).stream().map(id -> link(key, run.result(id), b.entry(id).describe())).toList();
    }

    private static DiffView diff(String key, TargetReport t) {
        Differential d = t.differential();
        if (d == null) {
            return null;
        }
        List<Cell> counts = new ArrayList<>();
        d.counts().forEach((k, v) -> counts.add(new Cell(k.name(), v == 0 ? "zero" : switch (k) {
            case OK -> "v-PASS";
            case STREAM -> "v-FAIL";
            case NOT_COMPARED -> "v-SKIP";
            case TYPE, RESPONSE -> "v-NON_STRICT";
        }, String.valueOf(v))));
        List<PairView> pairs = d.pairs().stream().filter(p -> p.divergence() != Divergence.OK)
                .map(p -> new PairView(p.id(), anchor(key, p.id()), p.divergence().name(), p.divergence().meaning(),
                        Group.label(p.target().verdict()) + ": " + Describe.printable(observed(p.target())),
                        Group.label(p.reference().verdict()) + ": " + Describe.printable(observed(p.reference()))))
                .toList();
        return new DiffView(d.reference().target().name(), counts, pairs);
    }

    private static Dashboard dashboard(String title, List<CaseResult> results, java.util.function.Function<CaseResult, String> key) {
        Map<String, long[]> rows = new LinkedHashMap<>();
        long[] total = new long[Verdict.values().length];
        for (CaseResult r : results) {
            rows.computeIfAbsent(key.apply(r), k -> new long[Verdict.values().length])[r.verdict().ordinal()]++;
            total[r.verdict().ordinal()]++;
        }
        List<DashRow> out = new ArrayList<>();
        rows.forEach((name, counts) -> out.add(dashRow(name, counts)));
        return new Dashboard(title, out, dashRow("all", total));
    }

    private static DashRow dashRow(String name, long[] counts) {
        List<Cell> cells = new ArrayList<>();
        long sum = 0;
        for (Verdict v : Verdict.values()) {
            long n = counts[v.ordinal()];
            sum += n;
            cells.add(new Cell(String.valueOf(n), n == 0 ? "zero" : css(v), Group.label(v)));
        }
        return new DashRow(name, cells, sum);
    }

    private static CaseView caseView(String key, TargetReport t, CaseResult r) {
        Case c = r.kase();
        List<Cell> accepted = new ArrayList<>();
        for (Case.Accepted a : c.accepted()) {
            accepted.add(new Cell(Group.label(a.verdict()), css(a.verdict()), Describe.printable(a.outcome().describe())));
        }
        List<Cell> lint = new ArrayList<>();
        for (Finding f : r.lint()) {
            lint.add(new Cell(f.ref(), "", Describe.printable(f.message())));
        }
        List<Cell> facts = new ArrayList<>();
        List<TranscriptView> transcripts = new ArrayList<>();
        if (r.observation() != null) {
            r.observation().facts().forEach((k, v) -> facts.add(new Cell(k, "", Describe.printable(String.valueOf(v)))));
            for (Transcript tr : r.observation().transcripts()) {
                transcripts.add(transcript(tr));
            }
        }
        BaselineCheck.Entry standing = t.standing(r);
        Differential.Pair pair = t.differential() == null ? null : t.differential().pair(c.id());
        String referenceNote = pair == null ? "" : t.differential().reference().target().name() + ": "
                + Group.label(pair.reference().verdict()) + ", " + observed(pair.reference()) + " — " + pair.divergence()
                + " (" + pair.divergence().meaning() + ")";
        String[] rfc = rfc(c.rfc());
        boolean gates = t.gates(r);
        return new CaseView(anchor(key, c.id()), c.id(), c.ref(), c.level().name(), Describe.printable(c.title()),
                Describe.printable(rfc[0]), rfc[1], Describe.printable(c.requirement()), accepted,
                Group.label(c.otherwise()), Group.label(r.verdict()), css(r.verdict()), Describe.printable(r.matched()),
                r.observation() == null ? "" : Describe.printable(r.observation().summary()), gates, gateNote(t, r, gates),
                standing == null ? "" : standing.describe(), Describe.printable(referenceNote), Describe.printable(c.hint()),
                lint, facts, transcripts, Rerun.command(t.run(), c.id()), r.millis() + " ms", gates);
    }

    /** Why a result gates or does not, in words. */
    static String gateNote(TargetReport t, CaseResult r, boolean gates) {
        boolean strict = t.run().options().strict();
        BaselineCheck.Entry standing = t.standing(r);
        if (gates) {
            if (standing != null && standing.standing() == BaselineCheck.Standing.UNEXPECTED_PASS) {
                return "gates: an unexpected pass against the baseline (update the baseline)";
            }
            return switch (r.verdict()) {
                case ERROR -> "gates: the harness failed (exit 4)";
                case NON_STRICT -> "gates: NON-STRICT under --strict";
                default -> "gates: a " + r.kase().level() + " failure" + (r.kase().level() == Level.MUST ? "" : " under --strict");
            };
        }
        if (standing != null && standing.standing() == BaselineCheck.Standing.KNOWN && r.gates(strict)) {
            return "does not gate: " + standing.describe();
        }
        return switch (r.verdict()) {
            case PASS -> "";
            case NON_STRICT -> "does not gate: NON-STRICT is conformant; it gates only with --strict";
            case FAIL -> "does not gate: a " + r.kase().level() + " failure gates only with --strict"
                    + (r.kase().level() == Level.MAY ? " (MAY never gates)" : "");
            case INFO -> "does not gate: recorded for information";
            case SKIP -> "does not gate: not applicable";
            case DEP_FAIL -> "does not gate: a case it depends on failed";
            case ERROR -> "does not gate";
        };
    }

    private static TranscriptView transcript(Transcript tr) {
        List<EventView> events = new ArrayList<>();
        for (Timeline.Event e : tr.timeline().events()) {
            events.add(new EventView(String.format(Locale.ROOT, "%d.%03d", e.micros() / 1000, e.micros() % 1000),
                    e.kind().name(), e.bytes(), e.note() == null ? "" : Describe.printable(e.note())));
        }
        return new TranscriptView(tr.number(), tr.via(), direction(tr.sent()), direction(tr.received()), events);
    }

    private static Direction direction(Connection.Evidence e) {
        byte[] bytes = e.bytes();
        List<String> notes = new ArrayList<>();
        if (e.truncated()) {
            notes.add("the suite kept the first " + bytes.length + " of " + e.total() + " bytes");
        }
        if (bytes.length > HEX_BYTES) {
            notes.add("the hex dump shows the first " + HEX_BYTES + " bytes; report.json has every kept byte in base64");
        }
        return new Direction(Describe.escapeLines(bytes, bytes.length), Describe.hex(bytes, HEX_BYTES), e.total(),
                bytes.length, String.join("; ", notes));
    }

    private static String observed(CaseResult r) {
        return r.observation() == null ? r.matched() : r.observation().summary();
    }

    /** The section as written, and the RFC editor's address of it (shown as text, not linked: no external links). */
    static String[] rfc(String section) {
        Matcher m = RFC.matcher(section);
        if (!m.find()) {
            return new String[] {section, ""};
        }
        String url = "https://www.rfc-editor.org/rfc/rfc" + m.group(1) + (m.group(2) == null ? "" : "#section-" + m.group(2));
        return new String[] {section, url};
    }

    /** An HTML id for a case in a run: ids hold '/' and '.', kept distinct. */
    static String anchor(String key, String id) {
        return key + "-" + id.replace("/", "--").replace('.', '_');
    }

    static String css(Verdict v) {
        return "v-" + v.name();
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

}
