package io.h1kit.gatling;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The expectation table and the target's parameters, without a load run. */
class ExpectationsTest {

    @AfterEach
    void clearProperties() {
        for (String key : new String[] {"h1kit.gate", "h1kit.maxP99Ms", "h1kit.maxErrorPercent", "h1kit.target",
                "h1kit.users", "h1kit.allowRemote"}) {
            System.clearProperty(key);
        }
    }

    @Test
    void everyScenarioHasAGatingDefault() {
        for (Scenario scenario : Scenario.values()) {
            Expectation expectation = Expectations.of(Target.CUSTOM, scenario);
            assertTrue(expectation.gating(), scenario + " should gate on a custom target");
            assertEquals(3, expectation.assertions().size(), "count, errors and p99 for " + scenario);
        }
    }

    @Test
    void theSequentialServerIsExpectedToFailTheSlowClientsWithAReason() {
        Expectation expectation = Expectations.of("sequential", Scenario.SLOW_CLIENTS);
        assertFalse(expectation.gating());
        assertTrue(expectation.label().startsWith("(expected to fail: one connection at a time"), expectation.label());
        assertEquals(1, expectation.assertions().size(), "only 'requests were sent' is left");
    }

    @Test
    void theSweepIsExpectedToFailOnTheBlockingStagesOnlyFrom256Users() {
        assertTrue(Expectations.of("threadpool", Scenario.KEEP_ALIVE_SWEEP, 64).gating(), "64 users fit 64 workers");
        assertFalse(Expectations.of("threadpool", Scenario.KEEP_ALIVE_SWEEP, 256).gating());
        assertTrue(Expectations.of("sequential", Scenario.KEEP_ALIVE_SWEEP, 8).gating());
        assertFalse(Expectations.of("sequential", Scenario.KEEP_ALIVE_SWEEP, 256).gating());
        assertTrue(Expectations.of("eventloop", Scenario.KEEP_ALIVE_SWEEP, 256).gating());
    }

    @Test
    void theEventLoopGetsTheDefaults() {
        assertEquals(Expectations.of(Target.CUSTOM, Scenario.SLOW_CLIENTS), Expectations.of("eventloop", Scenario.SLOW_CLIENTS));
    }

    @Test
    void commandLineThresholdsOverrideTheTableAndGateMakesAnExpectedFailureGate() {
        System.setProperty("h1kit.maxP99Ms", "50");
        assertEquals(50, Expectations.of("eventloop", Scenario.SITE).maxP99Millis());
        System.setProperty("h1kit.gate", "true");
        Expectation gated = Expectations.of("sequential", Scenario.SITE);
        assertTrue(gated.gating());
        assertEquals(50, gated.maxP99Millis());
        assertEquals(1.0, gated.maxErrorPercent());
    }

    @Test
    void targetDefaultsAndLists() {
        System.setProperty("h1kit.users", " 2, 16 ");
        Target target = Target.fromSystemProperties();
        assertEquals("http://127.0.0.1:8080", target.baseUrl());
        assertEquals(java.util.List.of(2, 16), target.users());
        assertEquals(1 << 20, target.largeBytes());
    }

    @Test
    void aTargetOffThisMachineIsRefusedUnlessAllowed() {
        System.setProperty("h1kit.target", "http://192.0.2.1:8080");
        assertThrows(IllegalArgumentException.class, Target::fromSystemProperties);
        System.setProperty("h1kit.allowRemote", "true");
        assertEquals("http://192.0.2.1:8080", Target.fromSystemProperties().baseUrl());
    }

    @Test
    void aBadNumberNamesItsProperty() {
        System.setProperty("h1kit.users", "1,x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, Target::fromSystemProperties);
        assertTrue(e.getMessage().startsWith("h1kit.users"), e.getMessage());
    }
}
