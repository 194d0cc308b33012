package dev.dockstat.core.transport;

import dev.dockstat.core.spi.TransportRequest;
import dev.dockstat.core.spi.TransportResponse;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/** A response from {@link HttpClientTransport}; see {@link TransportResponse#close()} for reuse rules. */
final class HttpClientResponse implements TransportResponse {

    private static final InputStream EMPTY = InputStream.nullInputStream();

    private final TransportRequest origin;
    private final HttpUriRequestBase request;
    private final ClassicHttpResponse response;
    private final Deadlines.Handle deadline;
    private final boolean stream;
    private final InputStream body;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Reads blocked in the body now: a close from another thread then aborts them, it never drains. */
    private final AtomicInteger reading = new AtomicInteger();

    HttpClientResponse(TransportRequest origin, HttpUriRequestBase request, ClassicHttpResponse response, Deadlines.Handle deadline,
            boolean stream) throws IOException {
        this.origin = origin;
        this.request = request;
        this.response = response;
        this.deadline = deadline;
        this.stream = stream;
        HttpEntity entity = response.getEntity();
        this.body = entity == null ? EMPTY : new DeadlineAwareStream(entity.getContent());
    }

    @Override
    public int status() {
        return response.getCode();
    }

    @Override
    public Optional<String> header(String name) {
        Header h = response.getFirstHeader(name);
        return h == null ? Optional.empty() : Optional.of(h.getValue());
    }

    @Override
    public InputStream body() {
        return body;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (stream || deadline.fired() || reading.get() > 0) {
                // never drain a stream: it has no end; nor a body another thread is still reading
                // (a bounded events read held open by the engine): a close from outside aborts
                request.cancel();
            } else {
                // The rest of a JSON body is a few bytes at most; reading it keeps the connection
                // reusable. The deadline still guards this read.
                EntityUtils.consume(response.getEntity());
            }
        } catch (IOException | RuntimeException e) {
            request.cancel();
        } finally {
            deadline.disarm();
            try {
                response.close();
            } catch (IOException ignored) {
                // the connection is discarded either way
            }
        }
    }

    /** Reports a read cut short by the request deadline as a timeout, not as a vague I/O error. */
    private final class DeadlineAwareStream extends FilterInputStream {
        DeadlineAwareStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            reading.incrementAndGet();
            try {
                return super.read();
            } catch (IOException e) {
                throw translate(e);
            } finally {
                reading.decrementAndGet();
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            reading.incrementAndGet();
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw translate(e);
            } finally {
                reading.decrementAndGet();
            }
        }

        private IOException translate(IOException e) {
            if (deadline.fired() && !(e instanceof SocketTimeoutException)) {
                return Deadlines.timeout(origin, e, "; the headers came, the body stalled");
            }
            return e;
        }
    }
}
