package io.h1kit.conformance.cases;

import io.h1kit.conformance.client.Connection;
import io.h1kit.conformance.model.Case;
import io.h1kit.conformance.model.CaseSource;
import io.h1kit.conformance.model.Expect;
import io.h1kit.conformance.model.Level;
import io.h1kit.conformance.model.Profile;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The TCP echo service (RFC 862): ECHO rows, ECHO-01 the baseline. */
public final class Rfc862Echo implements CaseSource {
    private static final String REQUIREMENT =
            "Once a connection is established any data received is sent back. This continues until the calling "
                    + "user terminates the connection.";

    @Override
    public List<Case> cases() {
        return List.of(
                Case.of(Case.ECHO_BASELINE, "ECHO-01", Level.MUST, "hello and a newline come back")
                        .profile(Profile.ECHO)
                        .rfc("RFC 862", REQUIREMENT)
                        .probe(ctx -> {
                            Connection c = ctx.connect();
                            c.write("hello\n");
                            c.shutdownOutput();
                            byte[] back = c.readUntilClose(ctx.budgets().response());
                            return ctx.observe(List.of(), c.awaitClose(ctx.budgets().closeWindow()),
                                    java.util.Map.of("echoed", new String(back, StandardCharsets.ISO_8859_1)));
                        })
                        .pass(Expect.that("exactly \"hello\\n\" echoed", o -> "hello\n".equals(o.fact("echoed"))))
                        .build());
    }
}
