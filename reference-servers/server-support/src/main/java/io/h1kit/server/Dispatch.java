package io.h1kit.server;

import io.h1kit.http.Handler;
import io.h1kit.http.Request;
import io.h1kit.http.RequestHead;
import io.h1kit.http.Response;
import io.h1kit.http.ResponseWriter;
import io.h1kit.http.Status;

import java.net.InetSocketAddress;

/**
 * Hands one parsed request to the handler, and accounts for the response, the same way in every
 * stage: a handler that throws gives the client a 500 and a close (one bad request must not take
 * the connection's thread or loop down), a response's diagnostic, the reason the client is not told
 * (a rejected path), goes to the error log, and every response sent is counted and access-logged.
 */
public final class Dispatch {
    private Dispatch() {
    }

    public static Response handle(Handler handler, ServerContext context, Request request, long now,
                                  InetSocketAddress client) {
        RequestHead head = request.head();
        Response response;
        try {
            response = handler.handle(request, now);
        } catch (RuntimeException e) {
            context.errorLog().error("handler_failed", "client", ErrorLog.address(client),
                    "request", head.requestLine(), "error", String.valueOf(e));
            response = handler.error(Status.INTERNAL_SERVER_ERROR_500).closing();
        }
        if (response.diagnostic() != null) {
            context.errorLog().info(response.diagnostic().event(), "client", ErrorLog.address(client),
                    "target", head.target().raw(), "detail", response.diagnostic().detail());
        }
        return response;
    }

    /**
     * Counts a response sent (its status, and head and body bytes) and writes its access-log line.
     *
     * @param head null when the request's head could not be parsed (a rejection)
     * @param sent body bytes sent
     */
    public static void account(ServerContext context, InetSocketAddress client, String requestLine, RequestHead head,
                               Status status, long sent, ResponseWriter.Plan plan) {
        context.statistics().response(status.code());
        context.statistics().bytesOut(plan.head().length + sent);
        context.accessLog().log(client, requestLine, status.code(), sent,
                head == null ? null : head.fields().get("Referer"),
                head == null ? null : head.fields().get("User-Agent"));
    }
}
