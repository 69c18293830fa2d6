package io.h1kit.http.files;

import io.h1kit.http.Diagnostic;
import io.h1kit.http.Fields;
import io.h1kit.http.Response;
import io.h1kit.http.Status;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A {@link StaticFiles} with default options over a fresh {@link Docroot}, and its assertions. */
final class Served {
    final Docroot docroot;
    final StaticFiles files;

    private Served(Docroot docroot) {
        this.docroot = docroot;
        this.files = new StaticFiles(FileOptions.defaults(docroot.root));
    }

    static Served create(Path base) throws IOException {
        return new Served(Docroot.create(base));
    }

    /** Parses the request and serves it at {@link Docroot#NOW}. */
    Response serve(String method, String target, String... fieldLines) {
        return files.serve(Requests.request(method, target, fieldLines), Docroot.NOW);
    }

    Path real(String relative) throws IOException {
        return docroot.root.resolve(relative).toRealPath();
    }

    static List<String> fieldNames(Response r) {
        List<String> names = new ArrayList<>();
        for (Fields.Field f : r.fields()) {
            names.add(f.name());
        }
        return names;
    }

    /** A 404 page that names the status only, with {@code event} and {@code detail} for the error log. */
    static void assertNotFound(Response r, String event, String detail) {
        assertEquals(Status.NOT_FOUND_404, r.status());
        assertEquals(new Diagnostic(event, detail), r.diagnostic());
        String page = Requests.text(r);
        assertTrue(page.contains("<title>404 Not Found</title>"), page);
        assertFalse(page.contains(detail), "the log reason reached the client: " + page);
    }
}
