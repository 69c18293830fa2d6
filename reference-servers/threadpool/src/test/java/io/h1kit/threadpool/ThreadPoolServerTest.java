package io.h1kit.threadpool;

import io.h1kit.server.ServerOptions;
import io.h1kit.server.testing.Eventually;
import io.h1kit.server.testing.RawConnection;
import io.h1kit.server.testing.RawResponse;
import io.h1kit.server.testing.RunningServer;
import io.h1kit.server.testing.StageBasicsTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stage 3 over raw sockets with its default pool: the HTTP the shared connection handler gives
 * every blocking stage, and what the pool adds, clients served at the same time.
 */
@Timeout(60)
class ThreadPoolServerTest extends StageBasicsTest {
    @Override
    protected RunningServer start(Path dir) throws IOException {
        return RunningServer.start(new ThreadPoolStage(), ServerOptions.forTest(Docroot.create(dir)));
    }

    @Override
    protected String serverField() {
        return "h1kit-threadpool";
    }

    @Test
    @DisplayName("a client holding half a request does not block another: the second is answered while the first is open")
    void slowClientDoesNotBlockAnother() throws IOException {
        try (RawConnection slow = server.connect(); RawConnection fast = server.connect()) {
            slow.send("GET /f.txt HTTP/1.1\r\nHost: t\r\n");
            assertEquals(Docroot.F_CONTENT, fast.send(GET_F).read().bodyText());
            // The slow client's connection was open all along: it completes its request and is answered.
            RawResponse r = slow.send("\r\n").read();
            assertEquals(200, r.status());
            assertEquals(Docroot.F_CONTENT, r.bodyText());
        }
    }

    @Test
    @DisplayName("8 persistent connections open at once, each answered in turn on its own worker")
    void manyPersistentClients() throws IOException {
        List<RawConnection> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                RawConnection c = server.connect();
                clients.add(c);
                c.send("GET /f.txt HTTP/1.1\r\nHost: t\r\n");
            }
            // Every connection holds half a request; the last client to complete is answered first.
            for (int i = clients.size() - 1; i >= 0; i--) {
                assertEquals(200, clients.get(i).send("\r\n").read().status(), "client " + i);
            }
            for (RawConnection c : clients) {
                assertEquals(200, c.send(GET_F).read().status(), "the connections persist");
            }
        } finally {
            for (RawConnection c : clients) {
                c.close();
            }
        }
    }

    @Test
    @DisplayName("the access log line is written by the log writer thread, shortly after the response")
    void accessLogThroughTheWriterThread() throws IOException {
        try (RawConnection c = server.connect()) {
            c.send("GET /f.txt?access-log-test HTTP/1.1\r\nHost: t\r\nUser-Agent: pool-test\r\n\r\n").read();
        }
        Eventually.until("the access log has the request", () -> server.accessLog().lines().anyMatch(line ->
                line.contains("\"GET /f.txt?access-log-test HTTP/1.1\" 200 1000 \"-\" \"pool-test\"")));
    }
}
