package io.h1kit.conformance.mutants;

import io.h1kit.http.Fields;
import io.h1kit.http.Handler;
import io.h1kit.http.Request;
import io.h1kit.http.RequestHead;
import io.h1kit.http.Response;
import io.h1kit.http.Status;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A {@link Handler} around the real Site that changes the request before it, or the response
 * after it: the seeded bug of a handler-decorator variant. Error responses decided outside the
 * handler (parser rejections) go to the Site unchanged. Thread-safe when its functions are.
 *
 * @param site   the real handler
 * @param answer the bug: the response to a request, given the Site (bound to the current time)
 */
record Decorated(Handler site, Answer answer) implements Handler {

    /** How the variant answers, with the Site at hand. */
    @FunctionalInterface
    interface Answer {
        Response apply(Request request, Function<Request, Response> site);
    }

    /** The Site answers a changed request. */
    static UnaryOperator<Handler> before(UnaryOperator<Request> change) {
        return site -> new Decorated(site, (request, s) -> s.apply(change.apply(request)));
    }

    /** The Site's response, then changed. */
    static UnaryOperator<Handler> after(UnaryOperator<Response> change) {
        return site -> new Decorated(site, (request, s) -> change.apply(s.apply(request)));
    }

    @Override
    public Response handle(Request request, long nowEpochSecond) {
        return answer.apply(request, r -> site.handle(r, nowEpochSecond));
    }

    @Override
    public Response error(Status status) {
        return site.error(status);
    }

    /** The request with its header fields changed (a copy: a parsed request is never changed). */
    static Request withFields(Request request, UnaryOperator<Fields> change) {
        RequestHead h = request.head();
        RequestHead head = new RequestHead(h.method(), h.target(), h.version(), h.versionText(),
                change.apply(copy(h.fields(), f -> true)), h.framing());
        return new Request(head, request.body(), request.trailers());
    }

    /** The request with another method. */
    static Request withMethod(Request request, String method) {
        RequestHead h = request.head();
        return new Request(new RequestHead(method, h.target(), h.version(), h.versionText(), h.fields(), h.framing()),
                request.body(), request.trailers());
    }

    /** The lines of {@code fields} that {@code keep} accepts, in order. */
    static Fields copy(Fields fields, Predicate<Fields.Field> keep) {
        Fields out = new Fields();
        for (Fields.Field f : fields) {
            if (keep.test(f)) {
                out.add(f.name(), f.value());
            }
        }
        return out;
    }
}
