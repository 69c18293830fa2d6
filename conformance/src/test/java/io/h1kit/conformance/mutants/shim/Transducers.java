package io.h1kit.conformance.mutants.shim;

import java.util.Arrays;
import java.util.function.UnaryOperator;

/** The shim specs the variants are made of. */
public final class Transducers {
    private Transducers() {
    }

    /** Passes bytes on as they come, unchanged. */
    public static Transducer pass() {
        return new Transducer() {
            @Override
            public byte[] feed(byte[] bytes, int length) {
                return Arrays.copyOf(bytes, length);
            }

            @Override
            public byte[] end() {
                return NOTHING;
            }
        };
    }

    /** Requests rewritten head by head; responses unchanged. */
    public static Shim.Spec requests(UnaryOperator<String> headRewrite) {
        return new Shim.Spec(link -> RequestStream.heads(headRewrite, link), link -> pass());
    }

    /** Requests through a fully configured request stream; responses unchanged. */
    public static Shim.Spec requests(UnaryOperator<String> headRewrite, ChunkedBody.SizeLineRewrite sizeLines,
                                     boolean bareCrEndsLines) {
        return new Shim.Spec(link -> new RequestStream(headRewrite, sizeLines, bareCrEndsLines, link), link -> pass());
    }

    /** Requests followed (unchanged), responses rewritten head by head and, if asked, reordered. */
    public static Shim.Spec responses(UnaryOperator<String> headRewrite, boolean reorder) {
        return new Shim.Spec(link -> RequestStream.heads(UnaryOperator.identity(), link),
                link -> new ResponseStream(headRewrite, reorder, link));
    }

    /**
     * Both directions through the shim's parsers with nothing rewritten: the control that shows
     * the shim alone changes no verdict.
     */
    public static Shim.Spec identity() {
        return responses(UnaryOperator.identity(), false);
    }
}
