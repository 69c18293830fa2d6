package io.h1kit.conformance.lint;

import io.h1kit.conformance.client.CloseState;
import io.h1kit.conformance.client.WireResponse;
import io.h1kit.conformance.model.Observation;

import java.util.ArrayList;
import java.util.List;

/**
 * The passive checks run on every response the suite receives (REDbot/httplint style), so that
 * the response invariants cost no extra requests: status line, Date, framing fields, content on
 * HEAD, 1xx, 204 and 304. Each finding names its catalogue row (RESP-01 to RESP-11).
 */
public final class ResponseLint {
    /** The row of the one SHOULD among the status-specific fields: Content-Range on a 416. */
    public static final String RANGE_416 = "RESP-10b";

    private ResponseLint() {
    }

    /** Every response of an observation, and what spans responses (RESP-11). */
    public static List<Finding> check(Observation o) {
        List<Finding> findings = new ArrayList<>();
        for (WireResponse r : o.interim()) {
            findings.addAll(check(r));
        }
        for (int i = 0; i < o.count(); i++) {
            WireResponse r = o.response(i);
            findings.addAll(check(r));
            if (r.hasToken("Connection", "close")) {
                // RFC 9112 §9.6: a server that sends "close" MUST close and MUST NOT process further requests.
                if (i < o.count() - 1) {
                    findings.add(new Finding("RESP-11", "a response followed one that said Connection: close"));
                } else if (o.close() == CloseState.OPEN) {
                    findings.add(new Finding("RESP-11", "Connection: close sent, but the connection stayed open"));
                }
            }
        }
        return findings;
    }

    public static List<Finding> check(WireResponse r) {
        List<Finding> findings = new ArrayList<>();
        if (r.status() < 0) {
            findings.add(new Finding("RESP-05", "malformed status line: " + r.statusLine()));
            return findings;
        }
        for (String note : r.notes()) {
            if (note.startsWith("status line")) {
                findings.add(new Finding("RESP-05", note));
            } else if (note.contains("bare CR") || note.contains("obs-fold") || note.contains("not a token")
                    || note.contains("without a name")) {
                findings.add(new Finding("RESP-07", note));
            } else if (note.startsWith("incomplete") || note.contains("Content-Length")) {
                findings.add(new Finding("RESP-08", note));
            }
        }
        boolean interim = r.status() / 100 == 1;
        if (!interim && r.status() / 100 != 5 && r.field("Date") == null) {
            // RFC 9110 §6.6.1: an origin server with a clock MUST send Date in 2xx, 3xx and 4xx.
            findings.add(new Finding("RESP-01", "no Date field on a " + r.status()));
        }
        String date = r.field("Date");
        if (date != null && !isImfFixdate(date)) {
            findings.add(new Finding("RESP-02", "Date is not an IMF-fixdate: " + date));
        }
        String lastModified = r.field("Last-Modified");
        if (lastModified != null && !isImfFixdate(lastModified)) {
            findings.add(new Finding("RESP-02", "Last-Modified is not an IMF-fixdate: " + lastModified));
        }
        boolean noContentStatus = interim || r.status() == 204;
        if (noContentStatus && (r.field("Content-Length") != null || r.field("Transfer-Encoding") != null)) {
            findings.add(new Finding("RESP-03", "Content-Length or Transfer-Encoding on a " + r.status()));
        }
        if (r.field("Content-Length") != null && r.field("Transfer-Encoding") != null) {
            findings.add(new Finding("RESP-04", "both Content-Length and Transfer-Encoding"));
        }
        if (!r.version().equals("HTTP/1.1")) {
            findings.add(new Finding("RESP-06", "response version " + r.version() + ", not HTTP/1.1"));
        }
        if (r.status() == 405 && r.field("Allow") == null) {
            findings.add(new Finding("RESP-10", "405 without Allow"));
        }
        if (r.status() == 206 && r.field("Content-Range") == null
                && !String.valueOf(r.field("Content-Type")).startsWith("multipart/byteranges")) {
            findings.add(new Finding("RESP-10", "206 without Content-Range"));
        }
        if (r.status() == 416 && (r.field("Content-Range") == null || !r.field("Content-Range").startsWith("bytes */"))) {
            // RFC 9110 §15.5.17: only a SHOULD, so it has a row of its own rather than RESP-10's MUSTs.
            findings.add(new Finding(RANGE_416, "416 without Content-Range: bytes */length"));
        }
        if ((r.status() == 101 || r.status() == 426) && r.field("Upgrade") == null) {
            findings.add(new Finding("RESP-10", r.status() + " without Upgrade"));
        }
        if (r.status() == 401 && r.field("WWW-Authenticate") == null) {
            findings.add(new Finding("RESP-10", "401 without WWW-Authenticate"));
        }
        if (r.body().length > 0 && r.field("Content-Type") == null) {
            findings.add(new Finding("RESP-09", "content without Content-Type"));
        }
        return findings;
    }

    /** IMF-fixdate (RFC 9110 §5.6.7): {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    static boolean isImfFixdate(String s) {
        return s.matches("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-9]{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
                + "[0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT");
    }
}
