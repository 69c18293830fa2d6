package io.h1kit.eventloop;

import io.h1kit.http.Body;
import io.h1kit.http.ChunkedEncoder;
import io.h1kit.http.Handler;
import io.h1kit.http.HttpRejection;
import io.h1kit.http.HttpVersion;
import io.h1kit.http.Request;
import io.h1kit.http.RequestHead;
import io.h1kit.http.RequestParser;
import io.h1kit.http.Response;
import io.h1kit.http.ResponseWriter;
import io.h1kit.http.Status;
import io.h1kit.server.Dispatch;
import io.h1kit.server.ErrorLog;
import io.h1kit.server.ServerContext;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;

/**
 * Turns a whole request, or a rejection, into a response queued on a connection's
 * {@link Outbound}, counted and logged exactly as the blocking stages' HttpConnectionHandler does
 * (the same keep-alive plan, 500 on a handler failure, the rejection's status with a close, no
 * content for HEAD even when the head was refused, the same log events). A small file comes from
 * the loop's {@link FileCache} and joins its head in one buffer; a larger one is queued for
 * transferTo.
 *
 * <p>Not thread-safe: one per loop, holding nothing per connection, so an idle connection pays
 * nothing for it.
 */
final class Responder {
    private final EventLoop loop;
    private final ServerContext context;
    private final Handler handler;
    private final ResponseWriter writer;

    Responder(EventLoop loop, ServerContext context, Handler handler, ResponseWriter writer) {
        this.loop = loop;
        this.context = context;
        this.handler = handler;
        this.writer = writer;
    }

    /**
     * Answers one request.
     *
     * @return whether the connection closes after this response
     */
    boolean respond(Request request, boolean keepAlive, InetSocketAddress client, Outbound out) throws IOException {
        RequestHead head = request.head();
        long now = context.clock().epochSecond();
        Response response = Dispatch.handle(handler, context, request, now, client);
        ResponseWriter.Plan plan = writer.plan(response, head.version(), head.isHead(), keepAlive, loop.date(now));
        long sent = queue(plan, response, out);
        account(client, head.requestLine(), head, response.status(), sent, plan);
        return plan.close();
    }

    /**
     * The one place a rejection becomes a response; the caller closes the connection after it.
     *
     * @param parser the parser that rejected (or was reading when a timeout came), or null
     */
    void reject(HttpRejection rejection, RequestParser parser, InetSocketAddress client, Outbound out) {
        context.errorLog().warn(rejection.status() == Status.REQUEST_TIMEOUT_408 ? "request_timeout" : "request_rejected",
                "client", ErrorLog.address(client), "status", rejection.status().code(),
                "rfc", rejection.rfcSection(), "detail", rejection.detail());
        RequestHead head = parser == null ? null : parser.head();
        HttpVersion version = head == null ? null : head.version();
        // RFC 9110 §9.3.2: no content in a response to HEAD, even when the head itself was refused.
        boolean headRequest = parser != null && "HEAD".equals(parser.method());
        Response response = handler.error(rejection.status()).closing();
        ResponseWriter.Plan plan = writer.plan(response, version, headRequest, false,
                loop.date(context.clock().epochSecond()));
        try {
            long sent = queue(plan, response, out);
            account(client, parser == null ? null : parser.requestLine(), head, rejection.status(), sent, plan);
        } catch (IOException e) {
            // an error page that cannot be read: the connection closes without it
        }
    }

    /** Queues the head and body of a planned response; returns the content bytes it sends. */
    private long queue(ResponseWriter.Plan plan, Response response, Outbound out) throws IOException {
        out.add(plan.head());
        Body body = response.body();
        switch (plan.bodyMode()) {
            case NONE -> {
                return 0;
            }
            case FIXED -> {
                if (body instanceof Body.Bytes bytes) {
                    out.add(bytes.bytes());
                    return bytes.bytes().length;
                }
                Body.FileRegion region = (Body.FileRegion) body;
                byte[] cached = response.status() == Status.OK_200 && region.offset() == 0
                        ? loop.fileCache().get(region.path(), response.fields().get("ETag"), region.length()) : null;
                if (cached != null) {
                    out.add(cached);
                } else {
                    out.addFile(region.path(), region.offset(), region.length());
                }
                return region.length();
            }
            default -> {
                // No handler of the kit streams; a stream is read whole here, on the loop, so it
                // must be quick to read (documented on EventLoopServer).
                byte[] content;
                try (InputStream stream = ((Body.Stream) body).source().open()) {
                    content = stream.readAllBytes();
                }
                if (plan.bodyMode() == ResponseWriter.BodyMode.CHUNKED) {
                    if (content.length > 0) {
                        out.add(ChunkedEncoder.chunkHeader(content.length));
                        out.add(content);
                        out.add(ChunkedEncoder.CRLF);
                    }
                    out.add(ChunkedEncoder.LAST_CHUNK);
                } else {
                    out.add(content);
                }
                return content.length;
            }
        }
    }

    private void account(InetSocketAddress client, String requestLine, RequestHead head, Status status, long sent,
                         ResponseWriter.Plan plan) {
        Dispatch.account(context, client, requestLine, head, status, sent, plan);
        loop.countRequest();
    }
}
