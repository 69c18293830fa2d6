package io.h1kit.gatling.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the shutdown hook does on Ctrl-C: every child still registered is stopped, by process or by pid. */
class ChildrenTest {
    @Test
    @Timeout(30)
    void stopAllEndsEveryRegisteredChild() throws Exception {
        Children children = new Children();
        Process byProcess = new ProcessBuilder("sleep", "60").start();
        Process byPid = new ProcessBuilder("sleep", "60").start();
        Process removed = new ProcessBuilder("sleep", "60").start();
        try {
            children.add(byProcess);
            children.add(byPid.pid());
            children.add(removed);
            children.remove(removed);
            children.stopAll();
            byProcess.waitFor();
            byPid.waitFor();
            assertFalse(byProcess.isAlive());
            assertFalse(byPid.isAlive());
            assertTrue(removed.isAlive(), "a child taken off the list is left alone");
        } finally {
            removed.destroyForcibly();
        }
    }
}
