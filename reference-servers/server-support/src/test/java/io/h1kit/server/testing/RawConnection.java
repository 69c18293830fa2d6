package io.h1kit.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * A byte-exact test client over one socket: it writes exactly the bytes given (malformed input
 * included) and reads responses with the HTTP/1.1 framing rules. For the servers' own tests; the
 * conformance suite has a fuller client with evidence and timelines.
 */
public final class RawConnection implements AutoCloseable {
    /** How long a read may block before the test fails: generous, since CI machines are slow. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private byte[] buffered = new byte[0];
    private int position;

    public RawConnection(InetSocketAddress address) throws IOException {
        socket = new Socket();
        socket.connect(address, (int) READ_TIMEOUT.toMillis());
        socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    public Socket socket() {
        return socket;
    }

    public RawConnection send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public RawConnection send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Half-closes: the server sees the end of the request stream. */
    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** Reads one response; {@code toHead} says the request was HEAD, so no body follows. */
    public RawResponse read(boolean toHead) throws IOException {
        String statusLine = line();
        if (statusLine == null) {
            throw new IOException("connection closed before a response");
        }
        RawResponse.Builder response = new RawResponse.Builder(statusLine);
        String line;
        while (!(line = requireLine()).isEmpty()) {
            int colon = line.indexOf(':');
            response.field(line.substring(0, colon), line.substring(colon + 1).strip());
        }
        int status = response.status();
        if (toHead || status / 100 == 1 || status == 204 || status == 304) {
            return response.build(new byte[0]);
        }
        String length = response.field("Content-Length");
        if ("chunked".equalsIgnoreCase(response.field("Transfer-Encoding"))) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int size;
            while ((size = Integer.parseInt(requireLine().split(";")[0].strip(), 16)) > 0) {
                body.write(bytes(size));
                requireLine();
            }
            while (!requireLine().isEmpty()) {
                // trailer fields are not needed by these tests
            }
            return response.build(body.toByteArray());
        }
        if (length != null) {
            return response.build(bytes(Integer.parseInt(length)));
        }
        return response.build(readUntilClose());
    }

    public RawResponse read() throws IOException {
        return read(false);
    }

    /** Reads until the server closes; returns what arrived. */
    public byte[] readUntilClose() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write(buffered, position, buffered.length - position);
        position = buffered.length;
        in.transferTo(all);
        return all.toByteArray();
    }

    /**
     * Whether the server closes the connection (FIN or reset) within {@code window}, polling rather
     * than judging from one read. Bytes that arrive meanwhile fail the check: a closed connection
     * sends nothing more.
     */
    public boolean closedWithin(Duration window) throws IOException {
        if (position < buffered.length) {
            return false;
        }
        socket.setSoTimeout((int) window.toMillis());
        try {
            int b = in.read();
            return b < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // reset
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
            }
        }
    }

    private String requireLine() throws IOException {
        String line = line();
        if (line == null) {
            throw new IOException("connection closed in the middle of a response");
        }
        return line;
    }

    /** A CRLF-ended line without its CRLF, or null at end of stream. */
    private String line() throws IOException {
        pending.reset();
        while (true) {
            int b = nextByte();
            if (b < 0) {
                return pending.size() == 0 ? null : pending.toString(StandardCharsets.ISO_8859_1);
            }
            if (b == '\n') {
                byte[] bytes = pending.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            pending.write(b);
        }
    }

    private byte[] bytes(int n) throws IOException {
        byte[] result = new byte[n];
        for (int i = 0; i < n; i++) {
            int b = nextByte();
            if (b < 0) {
                throw new IOException("connection closed after " + i + " of " + n + " body bytes");
            }
            result[i] = (byte) b;
        }
        return result;
    }

    private int nextByte() throws IOException {
        if (position == buffered.length) {
            byte[] chunk = new byte[16_384];
            int n = in.read(chunk);
            if (n < 0) {
                return -1;
            }
            buffered = Arrays.copyOf(chunk, n);
            position = 0;
        }
        return buffered[position++] & 0xFF;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
