package io.h1kit.conformance.cases;

import io.h1kit.conformance.client.CloseState;
import io.h1kit.conformance.client.RestAssuredTranscript;
import io.h1kit.conformance.client.WireResponse;
import io.h1kit.conformance.model.Expect;
import io.h1kit.conformance.model.Expectation;
import io.h1kit.conformance.model.Fixture;
import io.h1kit.conformance.model.Observation;
import io.h1kit.conformance.model.Probe;
import io.h1kit.conformance.model.ProbeContext;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The well-formed requests of the semantic cases (conditional requests, ranges), made through
 * rest-assured, whose fluent request building reads like the catalogue row. Malformed input never
 * goes this way: a client library repairs it. Each request gets its own connection and its own
 * {@link RestAssuredTranscript}, recorded as the case's evidence; the responses become
 * {@link WireResponse}s, so the suite's expectations and response lint judge them as any other.
 *
 * <p>A probe first GETs {@code /f} to learn its validators ("e1" and L in the catalogue), kept as
 * evidence and as facts, not judged; a case needing a validator the target never sent is "not
 * applicable" ({@link #NOT_APPLICABLE}, an INFO). One instance per probe run; not thread-safe.
 */
final class SemanticRequests {
    /** The fact naming why a case could not apply, for {@link #NOT_APPLICABLE}. */
    static final String NOT_APPLICABLE_FACT = "not applicable";
    /** The outcome of a probe that found nothing to test: listed first, as INFO. */
    static final Expectation NOT_APPLICABLE = Expect.that("not applicable: GET /f gave no validator the case needs",
            o -> o.fact(NOT_APPLICABLE_FACT) != null);
    /** The fact: whether the unconditional 200 carried a Date (then a 304 or 206 must too). */
    static final String DATE_ON_200 = "Date on the 200";
    /** A tag no representation carries. */
    static final String OTHER_TAG = "\"h1kit-no-match\"";
    /** RFC 9110 §5.6.7: IMF-fixdate, the preferred HTTP-date form. */
    static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    /** What a case needs from the first GET of /f. */
    enum Needs {
        /** Only that the target sends some validator (the group's precondition). */
        ANY_VALIDATOR,
        ETAG,
        /** A strong ETag (If-Range compares strongly). */
        STRONG_ETAG,
        LAST_MODIFIED,
        /** Nothing but the 200 itself, for a comparison. */
        NOTHING
    }

    private final ProbeContext ctx;
    private final List<WireResponse> judged = new ArrayList<>();
    private final Map<String, Object> facts = new LinkedHashMap<>();
    private WireResponse fetched;
    private boolean watchForContent;

    private SemanticRequests(ProbeContext ctx) {
        this.ctx = ctx;
    }

    static SemanticRequests on(ProbeContext ctx) {
        return new SemanticRequests(ctx);
    }

    /**
     * A probe that learns the validators of /f, then, if the target sent what the case needs,
     * makes the case's requests; else it reports the case as not applicable.
     */
    static Probe withValidators(Needs needs, Consumer<SemanticRequests> requests) {
        return ctx -> {
            SemanticRequests s = on(ctx).learnValidators();
            String missing = s.missing(needs);
            if (missing != null) {
                return s.notApplicable(missing);
            }
            requests.accept(s);
            return s.observe();
        };
    }

    /** A probe of plain requests (no validators needed). */
    static Probe requests(Consumer<SemanticRequests> requests) {
        return ctx -> {
            SemanticRequests s = on(ctx);
            requests.accept(s);
            return s.observe();
        };
    }

    /** GETs /f unconditionally; its ETag and Last-Modified become facts. Not judged. */
    SemanticRequests learnValidators() {
        fetched = send("GET", Fixture.F_PATH, null);
        if (fetched != null) {
            facts.put("ETag of /f", String.valueOf(fetched.field("ETag")));
            facts.put("Last-Modified of /f", String.valueOf(fetched.field("Last-Modified")));
            facts.put(DATE_ON_200, fetched.field("Date") != null);
        }
        return this;
    }

    /** "e1": the ETag the target sent for /f, as sent. */
    String etag() {
        return fetched == null ? null : fetched.field("ETag");
    }

    /** The weak form of "e1": {@code W/"..."} (unchanged when it already is weak). */
    String weakEtag() {
        String tag = etag();
        return tag.startsWith("W/") ? tag : "W/" + tag;
    }

    /** "L": the Last-Modified the target sent for /f, as sent. */
    String lastModified() {
        return fetched == null ? null : fetched.field("Last-Modified");
    }

    /** L moved by {@code delta}, as an IMF-fixdate; L must parse (see {@link #missing}). */
    String lastModifiedPlus(Duration delta) {
        return IMF_FIXDATE.format(parseDate(lastModified()).plus(delta));
    }

    /** The client's clock moved by {@code delta}, as an IMF-fixdate. */
    static String nowPlus(Duration delta) {
        return IMF_FIXDATE.format(ZonedDateTime.now(ZoneOffset.UTC).plus(delta));
    }

    /** GETs {@code path} with these fields (name, value, name, value, ...); the answer is judged. */
    SemanticRequests get(String path, String... fields) {
        return judge(send("GET", path, null, fields));
    }

    /** POSTs {@code body} (text/plain) to {@code path} with these fields; the answer is judged. */
    SemanticRequests post(String path, String body, String... fields) {
        return judge(send("POST", path, body, fields));
    }

    /**
     * From now on, watches briefly after a response that may carry no content (a 304) for content
     * the server sends anyway, which the client library would never read (see
     * {@link RestAssuredTranscript#STRAY_BYTES_WINDOW}).
     */
    SemanticRequests watchingForContent() {
        watchForContent = true;
        return this;
    }

    /** Also judges the unconditional 200 of {@link #learnValidators}, first, for comparisons. */
    SemanticRequests judgeFetched() {
        judged.addFirst(fetched);
        return this;
    }

    /** A fact for the report and the expectations. */
    SemanticRequests fact(String name, Object value) {
        facts.put(name, value);
        return this;
    }

    Observation observe() {
        return ctx.observe(judged.stream().filter(r -> r != null).toList(), CloseState.NOT_CHECKED, facts);
    }

    Observation notApplicable(String why) {
        facts.put(NOT_APPLICABLE_FACT, why);
        return ctx.observe(List.of(), CloseState.NOT_CHECKED, facts);
    }

    /** Why the target's first answer lacks what the case needs, or null when it has it. */
    String missing(Needs needs) {
        if (fetched == null || fetched.status() != 200) {
            return "GET " + Fixture.F_PATH + " did not answer 200";
        }
        boolean etag = etag() != null && etag().matches("(W/)?\"[^\"]*\"");
        boolean date = lastModified() != null && parseDate(lastModified()) != null;
        return switch (needs) {
            case ANY_VALIDATOR -> etag || date ? null : "GET /f carried neither an ETag nor a Last-Modified";
            case ETAG -> etag ? null : "GET /f carried no entity-tag in ETag";
            case STRONG_ETAG -> etag && !etag().startsWith("W/") ? null : "GET /f carried no strong entity-tag";
            case LAST_MODIFIED -> date ? null : "GET /f carried no Last-Modified in IMF-fixdate form";
            case NOTHING -> null;
        };
    }

    private SemanticRequests judge(WireResponse r) {
        judged.add(r);
        return this;
    }

    /**
     * One request through rest-assured on a connection of its own. A failure of the exchange (no
     * response, a reset, an answer HttpClient cannot parse) is a fact, and the answer is null.
     */
    private WireResponse send(String method, String path, String body, String... fields) {
        RestAssuredTranscript transcript = new RestAssuredTranscript(ctx.nextTranscriptNumber());
        ctx.record(transcript);
        try (transcript) {
            InetSocketAddress address = ctx.target().resolved();
            Set<String> names = new HashSet<>(Set.of("Host"));
            for (int i = 0; i < fields.length; i += 2) {
                names.add(fields[i]);
            }
            if (body != null) {
                names.addAll(Set.of("Content-Type", "Content-Length"));
            }
            // Every setting per call: given() starts from rest-assured's JVM-wide defaults, which an
            // embedding test suite may have changed (filters, authentication, a base path).
            RequestSpecification request = RestAssured.given()
                    .config(transcript.config(ctx.budgets().connect(), ctx.budgets().response(), names))
                    .noFilters()
                    .auth().none()
                    .baseUri("http://" + uriHost(address.getAddress()))
                    .port(address.getPort())
                    .basePath("")
                    .urlEncodingEnabled(false)
                    .header("Host", ctx.host());
            for (int i = 0; i + 1 < fields.length; i += 2) {
                request.header(fields[i], fields[i + 1]);
            }
            if (body != null) {
                request.contentType("text/plain").body(body);
            }
            Response response = request.when().request(method, path).then().extract().response();
            return transcript.toWireResponse(response, watchForContent);
        } catch (Exception e) {
            // Groovy-based rest-assured rethrows HttpClient's IOExceptions (no response, a reset) undeclared
            facts.put("exchange " + transcript.number() + " failed", String.valueOf(e.getCause() == null ? e : e.getCause()));
            return null;
        }
    }

    private static String uriHost(InetAddress a) {
        String text = a.getHostAddress();
        return a instanceof Inet6Address ? "[" + text.replace("%", "%25") + "]" : text;
    }

    /** An IMF-fixdate, or null (other HTTP-date forms are not needed to make these requests). */
    static ZonedDateTime parseDate(String text) {
        try {
            return ZonedDateTime.parse(text.strip(), IMF_FIXDATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    // --- outcomes shared by the COND and RANGE cases ---

    /** 200 with the whole of /f. */
    static Expectation wholeF() {
        return Expect.first("200 with all 1000 bytes of /f",
                r -> r.status() == 200 && Arrays.equals(r.body(), Fixture.fContent()));
    }

    /** A response with no content at all: none read, and no stray bytes after its head. */
    static boolean noContent(WireResponse r) {
        return r.body().length == 0 && RestAssuredTranscript.strayBytes(r) == 0;
    }

    /** Fields the 200 carries that RFC 9110 §15.3.7 and §15.4.5 ask a 206 or 304 to carry with the same value. */
    private static final List<String> SAME_VALUE = List.of("ETag", "Cache-Control", "Vary", "Content-Location");
    /** Fields they must carry too, with values that depend on the time of the response. */
    private static final List<String> PRESENT = List.of("Date", "Expires");

    /**
     * Response 1 carries every field of {@link #SAME_VALUE} (same value) and {@link #PRESENT} that
     * response 0, the 200, carries; with {@code contentLength}, a Content-Length on it, if any,
     * equals the 200's content length (RFC 9110 §8.6, for a 304).
     */
    static Expectation sameFieldsAs200(String status, boolean contentLength) {
        String also = contentLength ? ", and a Content-Length only if equal to the 200's" : "";
        return Expect.that("the " + status + " carries the ETag, Cache-Control, Vary, Content-Location, Date and "
                + "Expires the 200 carried" + also, o -> o.count() == 2 && sameFields(o.response(0), o.response(1), contentLength));
    }

    private static boolean sameFields(WireResponse full, WireResponse other, boolean contentLength) {
        for (String name : SAME_VALUE) {
            if (full.field(name) != null && !full.field(name).equals(other.field(name))) {
                return false;
            }
        }
        for (String name : PRESENT) {
            if (full.field(name) != null && other.field(name) == null) {
                return false;
            }
        }
        String length = other.field("Content-Length");
        return !contentLength || length == null || length.strip().equals(String.valueOf(full.body().length));
    }
}
