package io.tracker.bench.load;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers every request with a fixed status at once, counting requests per path and keeping what the
 * requests to one path carried, so tests can check what the generator really sent.
 */
final class CountingHandler extends Handler.Abstract.NonBlocking {

    private final int status;
    private final String inspectedPath;
    private final Map<String, LongAdder> perPath = new ConcurrentHashMap<>();
    private final AtomicLong total = new AtomicLong();
    private final List<String> inspected = new CopyOnWriteArrayList<>();

    /**
     * @param status        the status of every answer; 302 answers carry {@code Location: /elsewhere}
     * @param inspectedPath requests to this path are recorded as "METHOD header body"
     */
    CountingHandler(int status, String inspectedPath) {
        this.status = status;
        this.inspectedPath = inspectedPath;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        perPath.computeIfAbsent(path, p -> new LongAdder()).increment();
        total.incrementAndGet();
        if (path.equals(inspectedPath)) {
            String body = Content.Source.asString(request);
            inspected.add(request.getMethod() + " " + request.getHeaders().get("X-Test") + " " + body);
        }
        response.setStatus(status);
        if (status == 302) {
            response.getHeaders().put(HttpHeader.LOCATION, "/elsewhere");
        }
        response.write(true, ByteBuffer.allocate(0), callback);
        return true;
    }

    long count(String path) {
        LongAdder adder = perPath.get(path);
        return adder == null ? 0 : adder.sum();
    }

    long total() {
        return total.get();
    }

    List<String> inspected() {
        return inspected;
    }
}
