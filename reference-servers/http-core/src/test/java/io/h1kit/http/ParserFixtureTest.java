package io.h1kit.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.h1kit.http.ParserHarness.Outcome;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs each parser fixture of a subclass three ways (microhttp {@code RequestParserTest}): all
 * bytes in one buffer, one byte per call, and, for an invalid fixture, the rejection itself: its
 * status, its RFC section, and the parser refusing to go on. Two more runs cut the input in two
 * at every offset (at evenly spaced offsets for long inputs) and into many pieces at seeded random
 * offsets, since a TCP stream has no message boundaries (catalogue CHK-15).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ParserFixtureTest {

    /** Inputs up to this length are cut at every offset; longer ones at {@link #SAMPLED_CUTS} offsets. */
    private static final int EXHAUSTIVE_SPLIT_BYTES = 1_024;
    private static final int SAMPLED_CUTS = 97;
    private static final int RANDOM_SPLITS = 25;

    /** The fixtures of one RFC section. */
    abstract Stream<Fixture> fixtures();

    Stream<Fixture> invalidFixtures() {
        return fixtures().filter(Fixture::isInvalid);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void allBytesAtOnce(Fixture fixture) {
        assertEquals(fixture.expected(), ParserHarness.run(fixture.limits(), fixture.input()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void oneByteAtATime(Fixture fixture) {
        assertEquals(fixture.expected(), ParserHarness.runBytewise(fixture.limits(), fixture.input()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFixtures")
    void rejectedWithItsStatus(Fixture fixture) {
        RequestParser parser = new RequestParser(fixture.limits());
        ByteBuffer in = ByteBuffer.wrap(fixture.input());
        HttpRejection rejection = assertThrows(HttpRejection.class, () -> {
            while (parser.parse(in) != RequestParser.Event.NEED_MORE) {
                // events before the bad byte are covered by the other two runs
            }
        });
        assertEquals(fixture.expected().rejection(), rejection.status(), rejection::toString);
        assertTrue(rejection.rfcSection().matches("RFC \\d{4} §\\d+(\\.\\d+)*"), rejection::toString);
        assertFalse(parser.isIdle(), "a rejected parser holds a broken request, not an idle connection");
        ByteBuffer more = ByteBuffer.wrap(ParserHarness.bytes(Fixture.G + "\r\n"));
        assertThrows(IllegalStateException.class, () -> parser.parse(more), "REJECTED is terminal");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void cutInTwoAnywhere(Fixture fixture) {
        int n = fixture.input().length;
        List<Integer> cuts = new ArrayList<>();
        if (n <= EXHAUSTIVE_SPLIT_BYTES) {
            for (int cut = 1; cut < n; cut++) {
                cuts.add(cut);
            }
        } else {
            for (int i = 1; i <= SAMPLED_CUTS; i++) {
                cuts.add((int) ((long) n * i / (SAMPLED_CUTS + 1)));
            }
        }
        for (int cut : cuts) {
            Outcome outcome = ParserHarness.run(fixture.limits(), fixture.input(), cut);
            assertEquals(fixture.expected(), outcome, "input cut at offset " + cut);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void cutIntoRandomPieces(Fixture fixture) {
        int n = fixture.input().length;
        // Seeded by the case id, so a failure repeats exactly.
        Random random = new Random(fixture.id().hashCode());
        for (int split = 0; split < RANDOM_SPLITS && n > 1; split++) {
            int[] cuts = random.ints(1 + random.nextInt(Math.min(n - 1, 12)), 1, n).sorted().distinct().toArray();
            Outcome outcome = ParserHarness.run(fixture.limits(), fixture.input(), cuts);
            assertEquals(fixture.expected(), outcome, "input cut at offsets " + Arrays.toString(cuts));
        }
    }
}
