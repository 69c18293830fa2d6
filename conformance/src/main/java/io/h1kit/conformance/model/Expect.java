package io.h1kit.conformance.model;

import io.h1kit.conformance.client.CloseState;
import io.h1kit.conformance.client.WireResponse;

import java.util.Arrays;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The fixed vocabulary of outcomes, in the catalogue's notation: {@code statusThenClose(400)} is
 * "400✕", {@code closeWithoutResponse()} is "✕", {@code responses(2)} is "2 resp". Each accepts
 * every outcome the words allow and nothing else; cases combine them with {@code and}/{@code or}.
 * A status code below 10 stands for its class: {@code status(4)} is any 4xx.
 */
public final class Expect {
    private Expect() {
    }

    /** The first final response has one of these statuses (the connection may stay open or close). */
    public static Expectation status(int... codes) {
        return Expectation.of(codes(codes), false, o -> in(o.status(), codes));
    }

    /** "400✕": one final response with one of these statuses, then the server closes. */
    public static Expectation statusThenClose(int... codes) {
        return Expectation.of(codes(codes) + " then close", true,
                o -> o.count() == 1 && in(o.status(), codes) && o.close().closed());
    }

    /** "✕": the server closes without a final response. */
    public static Expectation closeWithoutResponse() {
        return Expectation.of("close without a response", true, o -> o.count() == 0 && o.close().closed());
    }

    /** No final response at all: none came, whether or not the server closed. */
    public static Expectation noResponse() {
        return Expectation.of("no response", false, o -> o.count() == 0);
    }

    /** A 2xx to the first request. */
    public static Expectation success() {
        return Expectation.of("2xx", false, o -> o.status() / 100 == 2);
    }

    /** A 2xx, then the server closes. */
    public static Expectation successThenClose() {
        return Expectation.of("2xx then close", true, o -> o.count() == 1 && o.status() / 100 == 2 && o.close().closed());
    }

    /** Exactly {@code n} final responses (a stray extra one fails this). */
    public static Expectation responses(int n) {
        return Expectation.of(n + " responses", true, o -> o.count() == n && !o.timedOut());
    }

    /** Exactly these statuses, in order. */
    public static Expectation statuses(int... sequence) {
        return Expectation.of("responses " + Arrays.stream(sequence).mapToObj(String::valueOf).collect(Collectors.joining(", ")),
                true, o -> o.count() == sequence.length
                        && java.util.stream.IntStream.range(0, sequence.length).allMatch(i -> o.response(i).status() == sequence[i]));
    }

    /** Exactly {@code n} final responses, then the server closes. */
    public static Expectation responsesThenClose(int n) {
        return Expectation.of(n + " responses then close", true, o -> o.count() == n && o.close().closed());
    }

    /** The connection is still open at the end of the polling window. */
    public static Expectation open() {
        return Expectation.of("connection kept open", true, o -> o.close() == CloseState.OPEN);
    }

    /** The connection was closed (FIN or RST) by the end of the probe. */
    public static Expectation closed() {
        return Expectation.of("connection closed", true, o -> o.close().closed());
    }

    /** An interim response with this status came before the final one. */
    public static Expectation interim(int code) {
        return Expectation.of(code + " interim response first", false,
                o -> o.interim().stream().anyMatch(r -> r.status() == code));
    }

    /** No interim response at all. */
    public static Expectation noInterim() {
        return Expectation.of("no interim response", false, o -> o.interim().isEmpty());
    }

    /** A predicate on the first final response. */
    public static Expectation first(String description, Predicate<WireResponse> predicate) {
        return Expectation.of(description, false, o -> o.first() != null && predicate.test(o.first()));
    }

    /** A predicate on the /echo fixture's reflection in response {@code index}. */
    public static Expectation echo(int index, String description, Predicate<EchoView> predicate) {
        return Expectation.of("echo shows " + description, false, o -> {
            EchoView view = EchoView.of(o.response(index));
            return view != null && predicate.test(view);
        });
    }

    /** A predicate on the /echo fixture's reflection in the first response. */
    public static Expectation echo(String description, Predicate<EchoView> predicate) {
        return echo(0, description, predicate);
    }

    /** Any other outcome, described. */
    public static Expectation that(String description, Predicate<Observation> predicate) {
        return Expectation.of(description, false, predicate);
    }

    /** Any other outcome that depends on the close state. */
    public static Expectation thatWithClose(String description, Predicate<Observation> predicate) {
        return Expectation.of(description, true, predicate);
    }

    /** Any outcome at all (for INFO rows that only record what happened). */
    public static Expectation anything() {
        return Expectation.of("any outcome (recorded)", false, o -> true);
    }

    private static boolean in(int status, int... codes) {
        for (int c : codes) {
            if (c == status || (c < 10 && status / 100 == c)) {
                return true;
            }
        }
        return false;
    }

    private static String codes(int... codes) {
        return Arrays.stream(codes).mapToObj(c -> c < 10 ? c + "xx" : String.valueOf(c)).collect(Collectors.joining(" or "));
    }
}
