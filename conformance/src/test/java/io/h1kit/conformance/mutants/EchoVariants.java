package io.h1kit.conformance.mutants;

import io.h1kit.conformance.model.Level;
import io.h1kit.conformance.model.Profile;
import io.h1kit.server.Timeouts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Set;

import static io.h1kit.conformance.mutants.Variant.Technique.CONNECTION_HANDLER;

/**
 * The variants of the echo server: its accept loop with a {@link FaultyEchoHandler}. Each fault
 * is a classic bug of echo servers written while learning sockets, made deterministic enough to
 * show on every run while the baseline (ECHO-01: "hello\n", then FIN) still passes, so that the
 * case that catches it is the one meant to.
 */
final class EchoVariants {
    /**
     * What one non-blocking send() is taken to accept: a socket buffer's free space under load.
     * Reads of up to {@link FaultyEchoHandler#BUFFER_BYTES} are larger when the client sends fast.
     */
    static final int SEND_ACCEPTS = 16_384;

    private EchoVariants() {
    }

    static List<Variant> all() {
        return List.of(
                variant("ECHO_SHORT_WRITE_DROP", "ignores the count a short send() returns: the rest of a large read is lost",
                        "catalogue mutant ECHO_SHORT_WRITE_DROP (ECHO-04: \"ignore short write()/send() counts … lost tail\")",
                        List.of("ECHO-04", "ECHO-06", "ECHO-13"), EchoVariants::shortWriteDrop),
                variant("ECHO_NO_HALFCLOSE_FLUSH", "on the client's FIN, closes before writing the output it still holds",
                        "catalogue mutant ECHO_NO_HALFCLOSE_FLUSH (ECHO-06: \"closes before flushing (truncated tail)\")",
                        List.of("ECHO-06"), EchoVariants::closeBeforeFlush),
                variant("ECHO_STRLEN", "echoes each read only up to its first NUL byte (C string functions on binary data)",
                        "catalogue ECHO-02 (\"C-string truncation at \\0\")",
                        List.of("ECHO-02"), EchoVariants::strlen),
                variant("ECHO_LINE_BUFFERED", "echoes whole lines only, and drops an unterminated last line at the client's FIN",
                        "catalogue ECHO-03 and ECHO-18 (\"waits for a newline\"; \"an unterminated last line is dropped at EOF\")",
                        List.of("ECHO-02", "ECHO-03"), EchoVariants::lineBuffered));
    }

    private static Variant variant(String name, String description, String models, List<String> killers,
                                   FaultyEchoHandler.Fault fault) {
        return new Variant(name, description, models, CONNECTION_HANDLER, Profile.ECHO, killers, Set.of(Level.MUST),
                () -> Servers.echo(context -> new FaultyEchoHandler(context, fault)));
    }

    /** Each read is written back with one send() that takes at most SEND_ACCEPTS bytes; the rest is dropped. */
    private static void shortWriteDrop(Socket socket, InputStream in, OutputStream out, Timeouts timeouts) throws IOException {
        byte[] buffer = new byte[FaultyEchoHandler.BUFFER_BYTES];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, Math.min(n, SEND_ACCEPTS));
        }
        socket.shutdownOutput();
    }

    /**
     * An event loop's order of work, with its bug: each read is appended to the pending output
     * and one send() takes at most SEND_ACCEPTS bytes of it; the rest is written when the socket
     * is writable and nothing is readable (no input for 1 ms). A readable end of stream is handled
     * first, by closing: whatever was still pending is lost.
     */
    private static void closeBeforeFlush(Socket socket, InputStream in, OutputStream out, Timeouts timeouts)
            throws IOException {
        byte[] buffer = new byte[FaultyEchoHandler.BUFFER_BYTES];
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        int idleMillis = socket.getSoTimeout();
        while (true) {
            int n;
            socket.setSoTimeout(pending.size() == 0 ? idleMillis : 1);
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                if (pending.size() == 0) {
                    throw e; // idle
                }
                out.write(pending.toByteArray()); // writable, nothing readable: the backlog goes out
                pending.reset();
                continue;
            }
            if (n < 0) {
                return; // the bug: close now, pending output or not
            }
            pending.write(buffer, 0, n);
            byte[] all = pending.toByteArray();
            int sent = Math.min(all.length, SEND_ACCEPTS);
            out.write(all, 0, sent);
            pending.reset();
            pending.write(all, sent, all.length - sent);
        }
    }

    /** Each read is written back up to its first NUL, as strlen() would measure it. */
    private static void strlen(Socket socket, InputStream in, OutputStream out, Timeouts timeouts) throws IOException {
        byte[] buffer = new byte[FaultyEchoHandler.BUFFER_BYTES];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            int length = 0;
            while (length < n && buffer[length] != 0) {
                length++;
            }
            out.write(buffer, 0, length);
        }
        socket.shutdownOutput();
    }

    /** Bytes are held until a newline and written line by line; at the end of stream the unterminated rest is dropped. */
    private static void lineBuffered(Socket socket, InputStream in, OutputStream out, Timeouts timeouts) throws IOException {
        byte[] buffer = new byte[FaultyEchoHandler.BUFFER_BYTES];
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int n;
        while ((n = in.read(buffer)) >= 0) {
            line.write(buffer, 0, n);
            byte[] held = line.toByteArray();
            int lastNewline = held.length - 1;
            while (lastNewline >= 0 && held[lastNewline] != '\n') {
                lastNewline--;
            }
            if (lastNewline >= 0) {
                out.write(held, 0, lastNewline + 1);
                line.reset();
                line.write(held, lastNewline + 1, held.length - lastNewline - 1);
            }
        }
        socket.shutdownOutput();
    }
}
