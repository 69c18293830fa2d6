package io.h1kit.conformance.mutants;

import io.h1kit.conformance.ReferenceServers;
import io.h1kit.conformance.model.Level;
import io.h1kit.http.Fields;
import io.h1kit.http.Handler;
import io.h1kit.http.PercentDecoding;
import io.h1kit.http.Request;
import io.h1kit.http.RequestHead;
import io.h1kit.http.Response;
import io.h1kit.http.Status;
import io.h1kit.http.site.Site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.h1kit.conformance.mutants.Variant.Technique.HANDLER_DECORATOR;

/** The variants made by a {@link Decorated} handler around the real Site of the sequential server. */
final class HandlerVariants {
    /** RFC 9110 §9 and RFC 5789: the methods the Site recognises (its own list is private). */
    private static final Set<String> KNOWN_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");
    private static final Pattern FIRST_LAST = Pattern.compile("bytes=([0-9]{1,18})-([0-9]{1,18})");

    private HandlerVariants() {
    }

    static List<Variant> all() {
        return List.of(
                variant("IGNORE_IF_NONE_MATCH", "ignores If-None-Match: a matching ETag still gets 200 and the body",
                        "catalogue COND-01 (RFC 9110 §13.1.2); the 'ETag sent, never honoured' bug of many small servers",
                        List.of("COND-01", "COND-03", "COND-04"),
                        Decorated.before(r -> Decorated.withFields(r, f -> f.remove("If-None-Match")))),
                variant("INM_STRONG_COMPARE", "compares If-None-Match strongly, so W/\"tag\" never matches",
                        "catalogue mutant INM_STRONG_COMPARE (RFC 9110 §13.1.2: \"MUST use the weak comparison function\")",
                        List.of("COND-02"), Decorated.before(HandlerVariants::weakTagsDropped)),
                variant("IMS_WITH_INM", "evaluates If-Modified-Since even when If-None-Match is present",
                        "catalogue mutant IMS_WITH_INM (RFC 9110 §13.1.3: \"MUST ignore If-Modified-Since if … If-None-Match\")",
                        List.of("COND-07"), Decorated.before(r -> r.head().fields().contains("If-Modified-Since")
                                ? Decorated.withFields(r, f -> f.remove("If-None-Match")) : r)),
                variant("TRAVERSAL_PCT2E", "maps the percent-decoded path with root.resolve(path), no containment check",
                        "catalogue mutant TRAVERSAL_PCT2E; CVE-2021-41773 (Apache httpd 2.4.49: /.%2e/ escaped the root)",
                        List.of("PATH-02", "PATH-01", "PATH-03"), site -> new Decorated(site, HandlerVariants::naiveFiles)),
                variant("NO_ALLOW_ON_405", "answers 405 without an Allow field",
                        "catalogue RESP-10 and METH-04 (RFC 9110 §15.5.6: \"MUST generate an Allow header field\")",
                        List.of("METH-04", "RESP-10"), Decorated.after(HandlerVariants::allowRemovedFrom405)),
                variant("TRAILERS_MERGED", "merges trailer fields into the header fields, a trailer replacing a header of its name",
                        "catalogue CHK-13 (RFC 9110 §6.5.1); Http11Probe SMUG-TRAILER-CL, -TE, -HOST",
                        List.of("CHK-13"), Decorated.before(HandlerVariants::trailersMerged)),
                variant("RANGE_OFF_BY_ONE", "takes the last-pos of a byte range as exclusive (bytes=0-4 sends 4 bytes)",
                        "catalogue mutant RANGE_OFF_BY_ONE (RFC 9110 §14.1.2: the last-pos is inclusive)",
                        List.of("RANGE-01", "RANGE-10"), Decorated.before(HandlerVariants::rangeEndExclusive))
                        // RANGE-01 (206 support) is a SHOULD row: a wrong 206 fails it at SHOULD.
                        .alsoCaughtAt(Level.SHOULD),
                variant("UNKNOWN_METHOD_200", "answers an unknown method (or lowercase \"get\") as if it were GET",
                        "catalogue RL-08 and RL-07; G#6 (a method read by its longest known prefix)",
                        List.of("RL-08", "RL-07"), Decorated.before(r -> KNOWN_METHODS.contains(r.head().method()) ? r
                                : Decorated.withMethod(r, "GET")))
                        // RFC 9110 §9.1 only says SHOULD respond 501: the rows that see this are SHOULD rows.
                        .alsoCaughtAt(Level.SHOULD));
    }

    private static Variant variant(String name, String description, String models, List<String> killers,
                                   UnaryOperator<Handler> decorate) {
        return Variant.http(name, description, models, HANDLER_DECORATOR, killers, () -> Servers.site(decorate));
    }

    /** INM_STRONG_COMPARE: weak entity-tags are dropped from If-None-Match; an emptied field goes. */
    private static Request weakTagsDropped(Request request) {
        String inm = request.head().fields().get("If-None-Match");
        if (inm == null) {
            return request;
        }
        String strong = Arrays.stream(inm.split(",")).map(String::strip).filter(t -> !t.startsWith("W/"))
                .collect(Collectors.joining(", "));
        return Decorated.withFields(request, f -> strong.isEmpty() ? f.remove("If-None-Match") : f.set("If-None-Match", strong));
    }

    /**
     * TRAVERSAL_PCT2E: a GET or HEAD whose decoded path, resolved naively under the root, names a
     * regular file outside it is served that file; everything else goes to the Site, which serves
     * the files inside the root exactly as this naive mapping would (so only escapes differ).
     */
    private static Response naiveFiles(Request request, Function<Request, Response> site) {
        RequestHead head = request.head();
        String path = head.target().path();
        boolean get = head.method().equals("GET") || head.method().equals("HEAD");
        if (get && path != null && !path.equals(Site.ECHO_PATH) && !path.equals(Site.FORM_PATH)) {
            Path root = ReferenceServers.FIXTURE_ROOT.toAbsolutePath().normalize();
            try {
                Path file = root.resolve(PercentDecoding.decode(path, false).substring(1));
                if (!file.normalize().startsWith(root) && Files.isRegularFile(file)) {
                    return Response.of(Status.OK_200, "text/plain", Files.readAllBytes(file));
                }
            } catch (IllegalArgumentException | IOException e) {
                // not a file the naive mapping can open: the Site answers
            }
        }
        return site.apply(request);
    }

    /** NO_ALLOW_ON_405: the Allow field a 405 must carry is left out. */
    private static Response allowRemovedFrom405(Response response) {
        if (response.status() == Status.METHOD_NOT_ALLOWED_405) {
            response.fields().remove("Allow");
        }
        return response;
    }

    /**
     * TRAILERS_MERGED: trailer fields are put into the header fields as into a map (a trailer
     * replaces the header line of its name), and no longer kept apart.
     */
    private static Request trailersMerged(Request request) {
        if (request.trailers().isEmpty()) {
            return request;
        }
        Request merged = Decorated.withFields(request, f -> {
            for (Fields.Field t : request.trailers()) {
                f.set(t.name(), t.value());
            }
            return f;
        });
        return new Request(merged.head(), merged.body(), new Fields());
    }

    /** RANGE_OFF_BY_ONE: "bytes=first-last" is served as first to last - 1. */
    private static Request rangeEndExclusive(Request request) {
        String range = request.head().fields().get("Range");
        Matcher m = range == null ? null : FIRST_LAST.matcher(range.strip());
        if (m == null || !m.matches() || Long.parseLong(m.group(2)) <= Long.parseLong(m.group(1))) {
            return request;
        }
        String shifted = "bytes=" + m.group(1) + "-" + (Long.parseLong(m.group(2)) - 1);
        return Decorated.withFields(request, f -> f.set("Range", shifted));
    }
}
