package io.h1kit.stress.lincheck;

import io.h1kit.stress.flawed.LockOrderConnections;
import io.h1kit.stress.subject.ConnectionsSubject;
import org.jetbrains.lincheck.datastructures.ManagedOptions;
import org.jetbrains.lincheck.datastructures.ManagedStrategyGuaranteeKt;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Options;
import org.jetbrains.lincheck.datastructures.Validate;

import java.util.List;

/**
 * A connection's thread marks it idle or busy and closes it while the server shuts down (no grace
 * period): idle() says false exactly when the shutdown or the close came first, nothing waits for
 * ever, and after a shutdown the socket is closed. The lock-order copy closes under the
 * connection's lock and then takes the registry's, while the shutdown does the reverse: the model
 * checker finds the deadlock (one scenario, close against shutdown, is always checked).
 */
public abstract class ConnectionsShutdownTest {
    private static final String[] ATOMIC_CLASSES = {"java.net.Socket", "sun.nio.ch.NioSocketImpl",
            "java.util.concurrent.ConcurrentHashMap", "java.util.concurrent.ConcurrentHashMap$KeySetView"};

    private final ConnectionsSubject connections = newConnections();
    private volatile boolean shutdownCalled;

    protected abstract ConnectionsSubject newConnections();

    @Operation
    public boolean idle() {
        return connections.idle();
    }

    @Operation
    public void busy() {
        connections.busy();
    }

    @Operation(runOnce = true)
    public void close() {
        connections.close();
    }

    @Operation(runOnce = true)
    public void shutdown() {
        connections.shutdown();
        shutdownCalled = true;
    }

    @Validate
    public void closedAfterShutdown() {
        if (shutdownCalled && !connections.socketClosed()) {
            throw new IllegalStateException("the server shut down and left the connection open");
        }
    }

    /** What this test adds to the runner's options: its sequential specification, and scenarios. */
    public static void configure(Options<?, ?> options) {
        Class<?> test = ConnectionsShutdownTest.class;
        options.sequentialSpecification(Specification.class)
                .addCustomScenario(Scenarios.parallel(
                        List.of(Scenarios.call(test, "idle"), Scenarios.call(test, "close")),
                        List.of(Scenarios.call(test, "shutdown"))));
        if (options instanceof ManagedOptions<?, ?> modelChecking) {
            // Closing the socket and the registry's set operations are one step each here: their
            // insides (JDK locks, native close, buckets chosen by identity hash codes) are not the
            // subject, and they make executions irreproducible for the model checker.
            modelChecking.addGuarantee(ManagedStrategyGuaranteeKt.forClasses(ATOMIC_CLASSES).allMethods().treatAsAtomic());
        }
    }

    /** One connection, one call at a time. */
    public static final class Specification {
        private boolean stopping;
        private boolean closed;

        public boolean idle() {
            return !stopping && !closed;
        }

        public void busy() {
        }

        public void close() {
            closed = true;
        }

        public void shutdown() {
            stopping = true;
            closed = true;
        }
    }

    /** The real {@link io.h1kit.server.Connections}. */
    public static final class Fixed extends ConnectionsShutdownTest {
        @Override
        protected ConnectionsSubject newConnections() {
            return ConnectionsSubject.real();
        }
    }

    /** {@link LockOrderConnections}: two locks taken in opposite orders. */
    public static final class FlawedLockOrder extends ConnectionsShutdownTest {
        @Override
        protected ConnectionsSubject newConnections() {
            return new LockOrderConnections();
        }
    }
}
