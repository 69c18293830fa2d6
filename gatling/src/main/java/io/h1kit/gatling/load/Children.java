package io.h1kit.gatling.load;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The processes {@code h1kit load} started and has not stopped yet (servers, Gatling JVMs): on
 * Ctrl-C or SIGTERM the JVM's shutdown hook stops them, so that no server is left holding a port.
 * Thread-safe: the run adds and removes, the hook stops.
 */
final class Children {
    /** After SIGTERM, the time each child gets before it is killed, during shutdown. */
    static final long HOOK_GRACE_MILLIS = 3_000;

    private final Set<ProcessHandle> live = ConcurrentHashMap.newKeySet();

    void add(Process p) {
        live.add(p.toHandle());
    }

    void add(long pid) {
        ProcessHandle.of(pid).ifPresent(live::add);
    }

    void remove(Process p) {
        live.remove(p.toHandle());
    }

    void remove(long pid) {
        live.removeIf(h -> h.pid() == pid); // by number: once it has exited, of(pid) finds nothing
    }

    /** Registers the hook; returns it, so that a normal end can unregister it. */
    Thread installHook() {
        Thread hook = new Thread(this::stopAll, "h1kit-load-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    void stopAll() {
        for (ProcessHandle p : live) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (ProcessHandle p : live) {
            try {
                p.onExit().get(HOOK_GRACE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                p.destroyForcibly();
            }
        }
        live.clear();
    }
}
