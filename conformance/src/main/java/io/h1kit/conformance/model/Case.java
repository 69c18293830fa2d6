package io.h1kit.conformance.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One conformance case: a stable id, the requirement it checks (RFC section, quoted sentence,
 * level), what it needs from the target, what it sends, and the outcomes it accepts, each with
 * its verdict, in order (Autobahn's expected[OK] / expected[NON_STRICT]). An outcome none of them
 * matches gets {@link #otherwise()}: FAIL for normative cases, INFO for rows the RFC leaves open.
 *
 * @param id          stable id, {@code <rfc>-<section>/<nn>}, for example {@code 9112-6.1/03}
 * @param ref         the catalogue row it implements, for example {@code TE-05}
 * @param title       what is sent, in a few words (the display name)
 * @param level       the strongest keyword behind the expectation
 * @param rfc         the section, for example {@code RFC 9112 §6.1}
 * @param requirement the sentence of the RFC that decides, quoted
 * @param profile     which profile the case belongs to
 * @param requires    capabilities the target must have, else SKIP
 * @param dependsOn   ids of cases whose failure makes this one DEP-FAIL
 * @param slow        whether it waits for one of the target's own timeouts (run concurrently where safe)
 * @param probe       what it does
 * @param accepted    the accepted outcomes with their verdicts, in order
 * @param otherwise   the verdict when none matches
 * @param hint        how to fix a failure, for the report
 * @param alone       whether the case loads the target so much (hundreds of connections) that it
 *                    must run when no other case is running, lest it change what they see
 * @param lintExempt  response-lint rows (RESP-xx) not applied to this case's responses, because
 *                    an outcome it accepts breaks them on purpose (an HTTP/0.9 reply to an
 *                    HTTP/0.9 request has no status line)
 */
public record Case(String id, String ref, String title, Level level, String rfc, String requirement, Profile profile,
                   Set<Capability> requires, List<String> dependsOn, boolean slow, Probe probe, List<Accepted> accepted,
                   Verdict otherwise, String hint, boolean alone, Set<String> lintExempt) {

    /** An outcome and the verdict it earns. */
    public record Accepted(Expectation outcome, Verdict verdict) {
    }

    /** The id of the HTTP baseline (RL-01: a plain GET answered 2xx), which every HTTP case depends on. */
    public static final String HTTP_BASELINE = "9112-3/01";
    /** The id of the echo baseline (ECHO-01), which every echo case depends on. */
    public static final String ECHO_BASELINE = "862/01";

    /** Whether judging this case needs the close state (so probes poll for it). */
    public boolean needsClose() {
        return accepted.stream().anyMatch(a -> a.outcome().needsClose());
    }

    /** Starts a case. */
    public static Builder of(String id, String ref, Level level, String title) {
        return new Builder(id, ref, level, title);
    }

    /** Builds a case; the setters read as the case's declaration. */
    public static final class Builder {
        private final String id;
        private final String ref;
        private final Level level;
        private final String title;
        private String rfc = "";
        private String requirement = "";
        private Profile profile = Profile.HTTP;
        private Set<Capability> requires = Set.of();
        private List<String> dependsOn;
        private boolean slow;
        private Probe probe;
        private final List<Accepted> accepted = new ArrayList<>();
        private Verdict otherwise = Verdict.FAIL;
        private String hint = "";
        private Set<String> lintExempt = Set.of();
        private boolean alone;

        private Builder(String id, String ref, Level level, String title) {
            this.id = Objects.requireNonNull(id);
            this.ref = Objects.requireNonNull(ref);
            this.level = Objects.requireNonNull(level);
            this.title = Objects.requireNonNull(title);
        }

        /** The section and the sentence quoted from it. */
        public Builder rfc(String section, String quote) {
            this.rfc = section;
            this.requirement = quote;
            return this;
        }

        public Builder profile(Profile p) {
            this.profile = p;
            return this;
        }

        public Builder requires(Capability... capabilities) {
            this.requires = Set.of(capabilities);
            return this;
        }

        /** Ids this case depends on; by default the profile's baseline. */
        public Builder dependsOn(String... ids) {
            this.dependsOn = List.of(ids);
            return this;
        }

        /** The case waits for one of the target's own timeouts. */
        public Builder slow() {
            this.slow = true;
            return this;
        }

        public Builder probe(Probe p) {
            this.probe = p;
            return this;
        }

        /** Shorthand: send this text in one write and read the responses it should produce. */
        public Builder sends(String text) {
            return probe(ctx -> ctx.exchange(text));
        }

        public Builder sends(String text, Read read) {
            return probe(ctx -> ctx.exchange(text, read));
        }

        public Builder pass(Expectation e) {
            accepted.add(new Accepted(e, Verdict.PASS));
            return this;
        }

        public Builder nonStrict(Expectation e) {
            accepted.add(new Accepted(e, Verdict.NON_STRICT));
            return this;
        }

        public Builder info(Expectation e) {
            accepted.add(new Accepted(e, Verdict.INFO));
            return this;
        }

        /** An outcome that is a failure even though a later, broader pattern would accept it. */
        public Builder fail(Expectation e) {
            accepted.add(new Accepted(e, Verdict.FAIL));
            return this;
        }

        /** The verdict when no listed outcome matches (FAIL by default). */
        public Builder otherwise(Verdict v) {
            this.otherwise = v;
            return this;
        }

        public Builder hint(String text) {
            this.hint = text;
            return this;
        }

        /** The case runs when no other case is running (see {@link Case#alone()}). */
        public Builder alone() {
            this.alone = true;
            return this;
        }

        /** Response-lint rows not applied to this case's responses (see {@link Case#lintExempt()}). */
        public Builder lintExempt(String... refs) {
            this.lintExempt = Set.of(refs);
            return this;
        }

        public Case build() {
            if (probe == null) {
                throw new IllegalStateException(id + ": no probe");
            }
            if (accepted.isEmpty() && otherwise == Verdict.FAIL) {
                throw new IllegalStateException(id + ": no accepted outcome");
            }
            List<String> deps = dependsOn != null ? dependsOn
                    : id.equals(HTTP_BASELINE) || id.equals(ECHO_BASELINE) ? List.of()
                    : List.of(profile == Profile.HTTP ? HTTP_BASELINE : ECHO_BASELINE);
            return new Case(id, ref, title, level, rfc, requirement, profile, requires, deps, slow, probe,
                    List.copyOf(accepted), otherwise, hint, alone, lintExempt);
        }
    }
}
