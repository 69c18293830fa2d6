package io.h1kit.server;

import io.h1kit.http.Handler;
import io.h1kit.http.HttpDate;
import io.h1kit.http.HttpRejection;
import io.h1kit.http.HttpVersion;
import io.h1kit.http.Request;
import io.h1kit.http.RequestHead;
import io.h1kit.http.Response;
import io.h1kit.http.ResponseWriter;
import io.h1kit.http.Status;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;

/**
 * Serves HTTP/1.1 on one blocking connection: reads a request, lets the {@link Handler} answer,
 * writes the response, and repeats while the connection persists. Every way a connection can end
 * is handled here, once:
 * <ul>
 *   <li>a rejection (bad input, a limit, a timeout) is answered with its status and a close;</li>
 *   <li>a handler failure is answered 500 and closed;</li>
 *   <li>a client that goes silent, closes or resets is closed without noise beyond one log line.</li>
 * </ul>
 * Shared by the blocking stages (sequential, thread pool). Thread-safe: it keeps no per-connection
 * state in fields.
 */
public final class HttpConnectionHandler implements ConnectionHandler {
    /** Response buffer: a head and a small file leave in one write. */
    public static final int WRITE_BUFFER_BYTES = 16_384;

    private final ServerContext context;
    private final Handler handler;
    private final ResponseWriter writer;
    private final PerSecondText dateField = new PerSecondText(HttpDate::format);

    public HttpConnectionHandler(ServerContext context, Handler handler, String serverName) {
        this.context = context;
        this.handler = handler;
        this.writer = new ResponseWriter(serverName);
    }

    @Override
    public void serve(Connections.Connection connection) {
        Socket socket = connection.socket();
        InetSocketAddress client = (InetSocketAddress) socket.getRemoteSocketAddress();
        ServerOptions options = context.options();
        InputStream in;
        OutputStream out;
        try {
            socket.setTcpNoDelay(true);
            in = socket.getInputStream();
            out = new BufferedOutputStream(socket.getOutputStream(), WRITE_BUFFER_BYTES);
        } catch (IOException e) {
            context.errorLog().warn("connection_failed", "client", ErrorLog.address(client), "error", e.getMessage());
            connection.close();
            return;
        }
        RequestReader reader = new RequestReader(socket, in, out, options.limits(), options.timeouts(), context.clock());
        ResponseSender sender = new ResponseSender(out, connection, options.timeouts().write());
        boolean linger = true;
        try {
            int served = 0;
            // The first request is served even during shutdown: a connection still queued when the
            // server began to stop was accepted, and its client has usually sent its request already.
            // Later ones wait as idle connections, which shutdown closes at once.
            while (served == 0 || connection.idle()) {
                Request request = reader.next(connection);
                if (request == null) {
                    linger = false; // the client closed or went silent: nothing is in flight
                    break;
                }
                served++;
                boolean keepAlive = request.head().keepAlive()
                        && served < options.maxRequestsPerConnection()
                        && !connection.stopping();
                if (!respond(request, keepAlive, sender, client)) {
                    break;
                }
            }
        } catch (HttpRejection rejection) {
            reject(rejection, reader, sender, client);
        } catch (RequestReader.IncompleteRequestException e) {
            context.errorLog().info("incomplete_request", "client", ErrorLog.address(client), "detail", e.getMessage());
        } catch (IOException e) {
            linger = false;
            logBroken(connection, client, e);
        } finally {
            context.statistics().bytesIn(reader.bytesRead());
            if (linger) {
                LingeringClose.close(socket, in, options.timeouts().linger(), context.clock());
            }
            connection.close();
        }
    }

    /** Answers one request; returns whether the connection stays open. */
    private boolean respond(Request request, boolean keepAlive, ResponseSender sender, InetSocketAddress client)
            throws IOException {
        RequestHead head = request.head();
        long now = context.clock().epochSecond();
        Response response = Dispatch.handle(handler, context, request, now, client);
        ResponseWriter.Plan plan = writer.plan(response, head.version(), head.isHead(), keepAlive, dateField.format(now));
        long sent = sender.send(plan, response.body());
        Dispatch.account(context, client, head.requestLine(), head, response.status(), sent, plan);
        return !plan.close();
    }

    /** The one place a rejection becomes a response; the connection then closes. */
    private void reject(HttpRejection rejection, RequestReader reader, ResponseSender sender, InetSocketAddress client) {
        context.errorLog().warn(rejection.status() == Status.REQUEST_TIMEOUT_408 ? "request_timeout" : "request_rejected",
                "client", ErrorLog.address(client), "status", rejection.status().code(),
                "rfc", rejection.rfcSection(), "detail", rejection.detail());
        long now = context.clock().epochSecond();
        Response response = handler.error(rejection.status()).closing();
        RequestHead head = reader.currentHead();
        HttpVersion version = head == null ? null : head.version();
        // RFC 9110 §9.3.2: no content in a response to HEAD, even when the head itself was refused.
        boolean headRequest = "HEAD".equals(reader.currentMethod());
        ResponseWriter.Plan plan = writer.plan(response, version, headRequest, false, dateField.format(now));
        try {
            long sent = sender.send(plan, response.body());
            Dispatch.account(context, client, reader.currentRequestLine(), head, rejection.status(), sent, plan);
        } catch (IOException e) {
            // The client is gone; the rejection was logged above.
        }
    }

    private void logBroken(Connections.Connection connection, InetSocketAddress client, IOException e) {
        if (connection.stopping()) {
            return; // closed by shutdown: expected
        }
        if (connection.writeTimedOut()) {
            return; // already logged by the reaper as write_timeout
        }
        String event = e instanceof SocketException && String.valueOf(e.getMessage()).contains("reset")
                ? "client_reset" : "connection_error";
        context.errorLog().info(event, "client", ErrorLog.address(client), "error", String.valueOf(e.getMessage()));
    }
}
