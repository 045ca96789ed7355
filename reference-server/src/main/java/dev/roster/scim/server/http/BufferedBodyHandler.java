package dev.roster.scim.server.http;

import dev.roster.scim.jaxrs.ScimPaths;
import org.glassfish.grizzly.CompletionHandler;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.ReadHandler;
import org.glassfish.grizzly.http.io.NIOInputStream;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.server.TimeoutHandler;
import org.glassfish.grizzly.http.util.Header;

import java.io.EOFException;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sits in front of Jersey's Grizzly container and hands it only requests that have fully arrived.
 * <p>
 * A request body is read without a thread: the response is suspended and Grizzly's non-blocking input gathers the
 * body, up to {@link HttpLimits#maxBodyBytes()} (else 413) and within {@link HttpLimits#bodyTimeout()} (else 408).
 * Only then does Jersey run, on a worker thread, reading a body that is already in memory — so a client that
 * trickles its body holds a connection, never one of the few worker threads (ADR 013).
 * <p>
 * It also refuses request targets Jersey cannot turn into a URI (400) and turns anything that escapes Jersey into
 * a SCIM 500 rather than Grizzly's HTML page.
 */
final class BufferedBodyHandler extends HttpHandler {

    private final HttpHandler application;
    private final HttpLimits limits;
    private final RefusalLog log;

    BufferedBodyHandler(HttpHandler application, HttpLimits limits, RefusalLog log) {
        super("roster-edge");
        this.application = application;
        this.limits = limits;
        this.log = log;
    }

    @Override
    public void start() {
        application.start();
    }

    @Override
    public void destroy() {
        application.destroy();
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        Optional<String> problem = RequestTargets.pathProblem(request.getRequestURI())
                .or(() -> Optional.ofNullable(request.getQueryString()).flatMap(RequestTargets::queryProblem));
        if (problem.isPresent()) {
            refuse(request, response, 400, "malformed request target", problem.get());
            return;
        }
        if (request.getContentLengthLong() > limits.maxBodyBytes()) {
            // Answered before reading; Grizzly then skips what the client still sends, so that it reads the 413.
            refuse(request, response, 413, "declared body of " + request.getContentLengthLong() + " bytes",
                    tooLarge());
            return;
        }
        if (request.getContentLengthLong() <= 0 && !request.getRequest().isChunked()) {
            dispatch(request, response);
            return;
        }
        BodyReader reader = new BodyReader(request, response);
        response.suspend(limits.bodyTimeout().toMillis(), TimeUnit.MILLISECONDS, reader.resumption, reader);
        request.getNIOInputStream().notifyAvailable(reader, limits.maxBodyBytes() + 1);
    }

    /**
     * {@code Expect: 100-continue} gets its 100 only for a body the server would take: a client announcing more
     * than the limit gets the 413 before it sends anything. Any other expectation is a SCIM 417.
     */
    @Override
    protected boolean sendAcknowledgment(Request request, Response response) throws IOException {
        String expectation = request.getHeader(Header.Expect);
        if (!"100-continue".equalsIgnoreCase(expectation)) {
            refuse(request, response, 417, "unknown expectation", "The only expectation this server meets is "
                    + "Expect: 100-continue.");
            return false;
        }
        if (request.getContentLengthLong() > limits.maxBodyBytes()) {
            refuse(request, response, 413, "declared body of " + request.getContentLengthLong() + " bytes",
                    tooLarge());
            return false;
        }
        return super.sendAcknowledgment(request, response);
    }

    private void dispatch(Request request, Response response) throws IOException {
        request.setAttribute(HttpEdge.LOCAL_PORT, request.getLocalPort());
        // The socket's peer, not a forwarded header a client could write: the bearer token check records it as the
        // token's last client, the access log logs it. Jersey reads these attributes as the request's properties.
        String address = request.getRemoteAddr();
        if (address != null && !address.isBlank()) {
            request.setAttribute(ScimPaths.CLIENT_ADDRESS_PROPERTY, address);
        }
        try {
            application.service(request, response);
        } catch (Exception e) {
            // Jersey maps every exception it sees; one that escapes it is a failure of the container itself.
            if (!response.isCommitted()) {
                log.refused(request.getContext().getConnection(), 500, "the container failed: " + e);
                EdgeErrors.send(response, 500, "The server could not process the request.");
            }
        }
    }

    private String tooLarge() {
        return "The request body is larger than " + limits.maxBodyBytes() + " bytes.";
    }

    private void refuse(Request request, Response response, int status, String reason, String detail)
            throws IOException {
        log.refused(request.getContext().getConnection(), status, reason);
        EdgeErrors.send(response, status, detail);
    }

    /** Gathers one request's body while its response is suspended; exactly one of its outcomes happens. */
    private final class BodyReader implements ReadHandler, TimeoutHandler {

        private static final int READING = 0;
        private static final int DONE = 1;

        private final Request request;
        private final Response response;
        private final NIOInputStream body;
        private final AtomicInteger state = new AtomicInteger(READING);
        private volatile boolean resumedOrCancelled;
        private final CompletionHandler<Response> resumption = new EmptyCompletionHandler<>() {
            @Override
            public void completed(Response resumedResponse) {
                resumedOrCancelled = true;
            }

            @Override
            public void cancelled() {
                resumedOrCancelled = true;
            }
        };

        BodyReader(Request request, Response response) {
            this.request = request;
            this.response = response;
            this.body = request.getNIOInputStream();
        }

        /** Called only once more than the limit is buffered: nothing bigger is read. */
        @Override
        public void onDataAvailable() throws Exception {
            if (state.compareAndSet(READING, DONE)) {
                refuse(request, response, 413, "body over " + limits.maxBodyBytes() + " bytes", tooLarge());
                response.resume();
            }
        }

        @Override
        public void onAllDataRead() throws Exception {
            if (body.readyData() > limits.maxBodyBytes()) {
                onDataAvailable();
            } else if (state.compareAndSet(READING, DONE)) {
                // The suspend timeout stays queued (Grizzly cannot cancel it); the state makes it a no-op.
                dispatch(request, response);
                // Jersey's container resumes the response when it commits; this is for the case it did not. A
                // resumed response is recycled at once, so it is not asked (it would throw) but told by Grizzly.
                if (!resumedOrCancelled) {
                    response.resume();
                }
            }
        }

        @Override
        public void onError(Throwable error) {
            if (state.compareAndSet(READING, DONE)) {
                // A malformed chunk was answered and logged by the codec; a body cut off by the client's close
                // cannot be answered at all. Either way the connection is gone or going.
                if (!(error instanceof EOFException) && !request.getResponse().isCommitted()) {
                    log.refused(request.getContext().getConnection(), 400, "body unreadable: " + error);
                } else if (error instanceof EOFException) {
                    log.refused(request.getContext().getConnection(), 400, "connection closed after "
                            + body.readyData() + " body bytes of " + declared());
                }
                try {
                    response.resume();
                } catch (IllegalStateException alreadyFinished) {
                    // Grizzly already cancelled the suspended response as the connection closed.
                }
            }
        }

        @Override
        public boolean onTimeout(Response timedOut) {
            if (state.compareAndSet(READING, DONE)) {
                try {
                    refuse(request, response, 408, "body incomplete after " + limits.bodyTimeout().toMillis()
                                    + " ms (" + body.readyData() + " bytes of " + declared() + ")",
                            "The request body did not arrive within " + HeadDeadlines.describe(limits.bodyTimeout())
                                    + "; " + body.readyData() + " bytes of " + declared() + " came.");
                    resumeAndClose();
                } catch (IOException e) {
                    request.getContext().getConnection().closeSilently();
                }
            }
            return false;
        }

        /**
         * Finishes the refusal and closes the connection once it is written: a client that stalled is not waited
         * for while Grizzly skips the rest of its body.
         */
        private void resumeAndClose() {
            ScimHttpCodec.closeAfterResponse(request.getRequest());
            response.resume();
        }

        private String declared() {
            long length = request.getContentLengthLong();
            return length >= 0 ? Long.toString(length) : "a chunked body";
        }
    }
}
