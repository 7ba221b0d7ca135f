package org.auditdm.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal Chrome DevTools Protocol client over the JDK's WebSocket, enough to load a page in headless
 * Chromium, collect console errors and uncaught exceptions, and evaluate expressions. Chromium listens
 * on a port it picks itself on 127.0.0.1; the page under test is a local file.
 */
final class DevToolsBrowser implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_S = 60;

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new ArrayList<>();
    private String sessionId;

    private DevToolsBrowser(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** Starts headless Chromium with a fresh profile and opens one page target. */
    static DevToolsBrowser start(Chromium chromium) throws Exception {
        Path profile = Files.createTempDirectory("auditdm-cdp-");
        List<String> cmd = chromium.command(profile.resolve("profile"),
                List.of("--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1", "about:blank"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        CompletableFuture<String> endpoint = new CompletableFuture<>();
        StringBuilder log = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (log) {
                        log.append(line).append('\n');
                    }
                    int at = line.indexOf("ws://");
                    if (line.startsWith("DevTools listening on") && at >= 0) {
                        endpoint.complete(line.substring(at).trim());
                    }
                }
            } catch (IOException ignored) {
                // The process ended.
            }
            endpoint.completeExceptionally(new IllegalStateException("chromium exited before DevTools started:\n" + log));
        }, "chromium-output");
        reader.setDaemon(true);
        reader.start();
        String ws;
        try {
            ws = endpoint.get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            Chromium.deleteQuietly(profile);
            throw e;
        }
        DevToolsBrowser[] self = new DevToolsBrowser[1];
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(ws), new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            String message = partial.toString();
                            partial.setLength(0);
                            self[0].receive(message);
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).get(TIMEOUT_S, TimeUnit.SECONDS);
        DevToolsBrowser b = new DevToolsBrowser(p, profile, socket);
        self[0] = b;
        b.open();
        return b;
    }

    private void open() throws Exception {
        String targetId = call(null, "Target.createTarget", Map.of("url", "about:blank")).path("targetId").asText();
        sessionId = call(null, "Target.attachToTarget", Map.of("targetId", targetId, "flatten", true))
                .path("sessionId").asText();
        call(sessionId, "Runtime.enable", Map.of());
        call(sessionId, "Log.enable", Map.of());
        call(sessionId, "Page.enable", Map.of());
    }

    private void receive(String message) {
        try {
            JsonNode msg = JSON.readTree(message);
            if (msg.has("id")) {
                CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
                if (f != null) {
                    if (msg.has("error")) {
                        f.completeExceptionally(new IllegalStateException("DevTools error: " + msg.get("error")));
                    } else {
                        f.complete(msg.path("result"));
                    }
                }
            } else {
                synchronized (events) {
                    events.add(msg);
                    events.notifyAll();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("bad DevTools message: " + message, e);
        }
    }

    private JsonNode call(String session, String method, Map<String, ?> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode msg = JSON.createObjectNode();
        msg.put("id", id);
        msg.put("method", method);
        msg.set("params", JSON.valueToTree(params));
        if (session != null) {
            msg.put("sessionId", session);
        }
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        socket.sendText(JSON.writeValueAsString(msg), true).get(TIMEOUT_S, TimeUnit.SECONDS);
        return f.get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    /** Navigates to a URL and waits for the page's load event. */
    void load(URI url) throws Exception {
        call(sessionId, "Page.navigate", Map.of("url", url.toString()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        synchronized (events) {
            while (events.stream().noneMatch(e -> "Page.loadEventFired".equals(e.path("method").asText()))) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("page did not load within " + TIMEOUT_S + " s: " + url);
                }
                events.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
            }
        }
    }

    /** Evaluates a JavaScript expression in the page (awaiting promises) and returns its JSON value. */
    JsonNode evaluate(String expression) throws Exception {
        JsonNode r = call(sessionId, "Runtime.evaluate",
                Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException("evaluation failed: " + r.get("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    /** Console errors, uncaught exceptions and error log entries (CSP violations, failed loads) so far. */
    List<String> errors() {
        List<String> out = new ArrayList<>();
        synchronized (events) {
            for (JsonNode e : events) {
                String method = e.path("method").asText();
                JsonNode p = e.path("params");
                if (method.equals("Runtime.consoleAPICalled") && p.path("type").asText().equals("error")) {
                    out.add("console.error: " + p.path("args"));
                } else if (method.equals("Runtime.exceptionThrown")) {
                    out.add("exception: " + p.path("exceptionDetails"));
                } else if (method.equals("Log.entryAdded") && p.path("entry").path("level").asText().equals("error")) {
                    out.add("log: " + p.path("entry").path("text").asText() + " " + p.path("entry").path("url").asText());
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // Closing anyway.
        }
        // Chromium's helper processes are children of the one started here; end them with it.
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        Chromium.deleteQuietly(profile);
    }
}
