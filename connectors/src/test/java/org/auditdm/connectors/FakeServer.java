package org.auditdm.connectors;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/** A loopback HTTP test double: every request goes to a handler; requests are recorded. Stops on close. */
final class FakeServer implements AutoCloseable {
    record Request(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    record Reply(int status, Map<String, String> headers, String body, long delayMillis) {
        static Reply json(int status, String body) {
            return new Reply(status, Map.of(), body, 0);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "fake-server");
        t.setDaemon(true);
        return t;
    });
    final List<Request> requests = new CopyOnWriteArrayList<>();

    FakeServer(Function<Request, Reply> handler) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", ex -> {
            try (ex) {
                Request req = new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(),
                        Map.copyOf(ex.getRequestHeaders()),
                        new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                requests.add(req);
                Reply r = handler.apply(req);
                if (r.delayMillis() > 0) {
                    try {
                        Thread.sleep(r.delayMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                byte[] b = r.body().getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                r.headers().forEach(ex.getResponseHeaders()::set);
                ex.sendResponseHeaders(r.status(), b.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(b);
                } catch (IOException clientGone) {
                    // the client timed out and closed the connection
                }
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** An OpenAI chat completion whose content is {@code text}. */
    static String completion(String text) {
        return "{\"id\":\"x\",\"object\":\"chat.completion\",\"created\":0,\"model\":\"m\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"" + text + "\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}";
    }
}
