package io.h1kit.conformance.client;

import io.restassured.config.DecoderConfig;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import org.apache.http.Header;
import org.apache.http.HttpRequestInterceptor;
import org.apache.http.client.HttpClient;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The evidence of one request made through rest-assured: the bytes its HTTP client (Apache
 * HttpClient 4, under rest-assured 6) really wrote and read, tapped at the socket. A rest-assured
 * {@code Filter} would see the request before the client adds its fields and the response after
 * it has de-chunked it; the tap shows the wire, as the raw {@link Connection} does.
 *
 * <p>{@link #config} gives the rest-assured configuration for one call, nothing global: redirects
 * are not followed, a failed request is not retried (a retry would send it twice), content is not
 * decoded (so no {@code Accept-Encoding: gzip,deflate}, which would let a server compress and
 * change what a byte range means), and every header field the case did not name is removed: the
 * libraries add {@code Accept: *}{@code /*}, {@code Connection: Keep-Alive} and
 * {@code User-Agent: Apache-HttpClient/...}, and a JVM-wide {@code RestAssured.requestSpecification}
 * could add more. The request then carries what a raw case would send, no more.
 * Rest-assured's own logging stays off. One instance per request; used by one probe thread.
 */
public final class RestAssuredTranscript implements Transcript, AutoCloseable {
    /**
     * How long to watch for bytes after a response that may carry no content (1xx, 204, 304): the
     * client never reads them, yet a server that sends content anyway breaks the next response on
     * a persistent connection. Such a server sends it straight after the head; a close ends the
     * watch sooner. Short, since a persistent connection stays silent for all of it.
     */
    public static final Duration STRAY_BYTES_WINDOW = Duration.ofMillis(150);

    private final int number;
    private final Connection.Evidence sent = new Connection.Evidence();
    private final Connection.Evidence received = new Connection.Evidence();
    private final Timeline timeline = new Timeline();
    private final List<TappedSocket> sockets = new CopyOnWriteArrayList<>();

    /** @param number its place among the case's transcripts ({@code ProbeContext.nextTranscriptNumber()}) */
    public RestAssuredTranscript(int number) {
        this.number = number;
    }

    @Override
    public int number() {
        return number;
    }

    @Override
    public Connection.Evidence sent() {
        return sent;
    }

    @Override
    public Connection.Evidence received() {
        return received;
    }

    @Override
    public Timeline timeline() {
        return timeline;
    }

    @Override
    public String via() {
        return "rest-assured";
    }

    /**
     * The configuration for one rest-assured call whose connections this transcript records.
     *
     * @param fields the names of the only header fields the request may carry (any case); the
     *               client's own and any JVM-wide rest-assured defaults are removed before sending
     */
    public RestAssuredConfig config(Duration connectTimeout, Duration readTimeout, Set<String> fields) {
        HttpClientConfig client = HttpClientConfig.httpClientConfig()
                .dontReuseHttpClientInstance()
                .httpClientFactory(() -> httpClient(connectTimeout, readTimeout, fields));
        return RestAssuredConfig.config()
                .httpClient(client)
                .redirect(RedirectConfig.redirectConfig().followRedirects(false))
                .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders())
                .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));
    }

    // Rest-assured 6 still builds on HttpClient 4's AbstractHttpClient API, deprecated there.
    @SuppressWarnings("deprecation")
    private HttpClient httpClient(Duration connectTimeout, Duration readTimeout, Set<String> fields) {
        org.apache.http.conn.scheme.SchemeRegistry schemes = new org.apache.http.conn.scheme.SchemeRegistry();
        schemes.register(new org.apache.http.conn.scheme.Scheme("http", 80, new org.apache.http.conn.scheme.PlainSocketFactory() {
            @Override
            public Socket createSocket(org.apache.http.params.HttpParams params) {
                TappedSocket socket = new TappedSocket();
                sockets.add(socket);
                return socket;
            }
        }));
        org.apache.http.impl.client.DefaultHttpClient client = new org.apache.http.impl.client.DefaultHttpClient(
                new org.apache.http.impl.conn.BasicClientConnectionManager(schemes));
        client.setHttpRequestRetryHandler(new org.apache.http.impl.client.DefaultHttpRequestRetryHandler(0, false));
        client.addRequestInterceptor(onlyFields(fields)); // runs last, after the client's own
        org.apache.http.params.HttpConnectionParams.setConnectionTimeout(client.getParams(), millis(connectTimeout));
        org.apache.http.params.HttpConnectionParams.setSoTimeout(client.getParams(), millis(readTimeout));
        return client;
    }

    /**
     * The response as the suite's model sees it: status line, fields in order, the content as
     * rest-assured read it, and every byte received as {@code raw}. Bytes after its Content-Length,
     * or after the head of a response that may carry no content, are noted ({@link #strayBytes}
     * counts the latter). With {@code watchForContent}, a response that may carry no content is
     * followed by a watch of {@link #STRAY_BYTES_WINDOW} for bytes the client would never read.
     */
    public WireResponse toWireResponse(Response response, boolean watchForContent) {
        String statusLine = response.statusLine() == null ? "" : response.statusLine().strip();
        int space = statusLine.indexOf(' ');
        String version = space > 0 ? statusLine.substring(0, space) : statusLine;
        int status = response.statusCode();
        List<WireResponse.Field> fields = new ArrayList<>();
        response.headers().forEach(h -> fields.add(new WireResponse.Field(h.getName(), h.getValue())));
        byte[] body = response.asByteArray();
        boolean noContent = status / 100 == 1 || status == 204 || status == 304;
        if (noContent && watchForContent) {
            awaitStrayBytes();
        }
        byte[] raw = received.bytes();
        List<String> notes = new ArrayList<>();
        // Counted only when the bytes begin with this response (no interim 1xx before it).
        int head = new String(raw, StandardCharsets.ISO_8859_1).startsWith(statusLine) ? headLength(raw) : -1;
        String contentLength = response.header("Content-Length");
        String transferEncoding = response.header("Transfer-Encoding");
        long stray = head < 0 || received.truncated() ? 0
                : noContent ? raw.length - head
                : transferEncoding == null && contentLength != null && contentLength.strip().matches("[0-9]{1,9}")
                ? raw.length - head - Long.parseLong(contentLength.strip()) : 0;
        if (stray > 0 && noContent) {
            notes.add("content after a " + status + " head: " + stray + " bytes where none may be");
        } else if (stray > 0) {
            notes.add("bytes after the Content-Length: " + stray + " more than it declared");
        }
        WireResponse.Framing framing = noContent ? WireResponse.Framing.NONE
                : transferEncoding != null ? WireResponse.Framing.CHUNKED
                : contentLength != null ? WireResponse.Framing.LENGTH
                : body.length == 0 ? WireResponse.Framing.NONE : WireResponse.Framing.UNTIL_CLOSE;
        return new WireResponse(statusLine, version, status, List.copyOf(fields), body, raw, framing, false, List.copyOf(notes));
    }

    /** Bytes the server sent after a response that may carry no content (0 if none were seen). */
    public static long strayBytes(WireResponse r) {
        for (String note : r.notes()) {
            if (note.startsWith("content after a ")) {
                return Long.parseLong(note.replaceAll(".*: ([0-9]+) bytes.*", "$1"));
            }
        }
        return 0;
    }

    /** Closes every connection the client opened: a sequential server then moves on at once. */
    @Override
    public void close() {
        for (TappedSocket s : sockets) {
            if (!s.isClosed()) {
                try {
                    s.close();
                } catch (IOException e) {
                    // closing our own end: nothing to report
                }
                timeline.add(Timeline.Kind.CLOSE, 0, "client closed");
            }
        }
    }

    /** Reads what else the server sends within the window, into the evidence; a close ends it. */
    private void awaitStrayBytes() {
        for (TappedSocket s : sockets) {
            s.drain(STRAY_BYTES_WINDOW);
        }
    }

    /** Removes every header field whose name is not among {@code fields}. */
    private static HttpRequestInterceptor onlyFields(Set<String> fields) {
        Set<String> allowed = new HashSet<>();
        fields.forEach(name -> allowed.add(name.toLowerCase(Locale.ROOT)));
        return (request, context) -> {
            for (Header h : request.getAllHeaders()) {
                if (!allowed.contains(h.getName().toLowerCase(Locale.ROOT))) {
                    request.removeHeader(h);
                }
            }
        };
    }

    private static int headLength(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int crlf = text.indexOf("\r\n\r\n");
        int lf = text.indexOf("\n\n");
        if (crlf < 0 && lf < 0) {
            return -1;
        }
        return crlf >= 0 && (lf < 0 || crlf < lf) ? crlf + 4 : lf + 2;
    }

    private static int millis(Duration d) {
        return (int) Math.min(d.toMillis(), Integer.MAX_VALUE);
    }

    /** A socket whose streams copy every byte into the transcript's evidence and timeline. */
    private final class TappedSocket extends Socket {
        private boolean ended;

        @Override
        public void connect(java.net.SocketAddress endpoint, int timeout) throws IOException {
            super.connect(endpoint, timeout);
            timeline.add(Timeline.Kind.CONNECT, 0, String.valueOf(endpoint));
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return new FilterInputStream(super.getInputStream()) {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    int n = read(one, 0, 1);
                    return n < 0 ? -1 : one[0] & 0xFF;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return tappedRead(in, b, off, len);
                }
            };
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            return new FilterOutputStream(super.getOutputStream()) {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    try {
                        out.write(b, off, len);
                    } catch (IOException e) {
                        timeline.add(Timeline.Kind.WRITE_FAILED, len, e.getMessage());
                        throw e;
                    }
                    sent.add(b, off, len);
                    timeline.add(Timeline.Kind.WRITE, len, null);
                }
            };
        }

        private int tappedRead(InputStream in, byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = in.read(b, off, len);
            } catch (SocketTimeoutException e) {
                timeline.add(Timeline.Kind.TIMEOUT, 0, e.getMessage());
                throw e;
            } catch (SocketException e) {
                ended = true;
                timeline.add(Timeline.Kind.RST_RECEIVED, 0, e.getMessage());
                throw e;
            }
            if (n < 0) {
                ended = true;
                timeline.add(Timeline.Kind.FIN_RECEIVED, 0, null);
            } else if (n > 0) {
                received.add(b, off, n);
                timeline.add(Timeline.Kind.READ, n, null);
            }
            return n;
        }

        /** Reads and records whatever arrives within {@code window}, until a close. */
        void drain(Duration window) {
            if (ended || isClosed() || !isConnected()) {
                return;
            }
            long deadline = System.nanoTime() + window.toNanos();
            byte[] buffer = new byte[8_192];
            try {
                InputStream in = super.getInputStream();
                while (!ended) {
                    long left = (deadline - System.nanoTime()) / 1_000_000;
                    if (left <= 0) {
                        return;
                    }
                    setSoTimeout((int) left);
                    if (tappedRead(in, buffer, 0, buffer.length) < 0) {
                        return;
                    }
                }
            } catch (IOException e) {
                // a timeout ends the watch; a reset was recorded
            }
        }
    }
}
