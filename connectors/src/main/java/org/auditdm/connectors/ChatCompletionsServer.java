package org.auditdm.connectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.auditdm.api.Answer;
import org.auditdm.api.Picture;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.api.VisualQuestion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves any set of models over an OpenAI-compatible HTTP API, using the JDK's built-in server:
 *
 * <ul>
 *   <li>{@code POST /v1/chat/completions}: the {@code model} field picks the model; the last {@code user}
 *       message must hold exactly one image part ({@code {"type":"image_url","image_url":{"url":
 *       "data:image/png;base64,..."}}}, PNG or JPEG) and at least one text part. The FIRST text part is the
 *       question; further text parts (such as an answer-format instruction) and other messages are ignored,
 *       because the served models read only the question. The reply is a standard {@code chat.completion}
 *       whose {@code choices[0].message.content} is the answer.</li>
 *   <li>{@code GET /v1/models}: the served names.</li>
 * </ul>
 *
 * <p>Errors are OpenAI-style JSON ({@code {"error":{"message","type","param","code"}}}): 400 for malformed
 * JSON, a missing field, a missing image or a bad data URL, or a question the model rejects; 404 for an
 * unknown model or path; 405 for a wrong method; 413 for a body or image over the limits; 500 when a model
 * fails. Image dimensions are read from the header before decoding, so a small file claiming a huge image
 * is refused without allocating it.
 */
public final class ChatCompletionsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChatCompletionsServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Server limits.
     *
     * @param host address to bind (default {@code 127.0.0.1}: loopback only)
     * @param port port to bind; 0 picks a free one (see {@link #port()})
     * @param threads request-handling threads
     * @param maxBodyBytes largest request body accepted
     * @param maxImageBytes largest decoded image file accepted
     * @param maxImageSide largest image width or height accepted
     */
    public record Options(String host, int port, int threads, int maxBodyBytes, int maxImageBytes, int maxImageSide) {
        public Options {
            Objects.requireNonNull(host, "host");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
            if (maxBodyBytes < 1 || maxImageBytes < 1 || maxImageSide < 1) {
                throw new IllegalArgumentException("limits must be positive");
            }
        }

        /** Loopback, a free port, 4 threads, 16 MB bodies, 8 MB images, 4096 pixels per side. */
        public static Options defaults() {
            return new Options("127.0.0.1", 0, 4, 16 << 20, 8 << 20, Picture.MAX_SIDE);
        }

        public Options withPort(int p) {
            return new Options(host, p, threads, maxBodyBytes, maxImageBytes, maxImageSide);
        }

        public Options withHost(String h) {
            return new Options(h, port, threads, maxBodyBytes, maxImageBytes, maxImageSide);
        }

        public Options withThreads(int t) {
            return new Options(host, port, t, maxBodyBytes, maxImageBytes, maxImageSide);
        }

        public Options withMaxImageBytes(int b) {
            return new Options(host, port, threads, maxBodyBytes, b, maxImageSide);
        }

        public Options withMaxBodyBytes(int b) {
            return new Options(host, port, threads, b, maxImageBytes, maxImageSide);
        }
    }

    private final Map<String, VisionLanguageModel> models;
    private final Options options;
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicLong served = new AtomicLong();

    private ChatCompletionsServer(Map<String, VisionLanguageModel> models, Options options) throws IOException {
        this.models = new LinkedHashMap<>(models);
        this.options = options;
        this.server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 0);
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "auditdm-serve-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /**
     * Starts serving {@code models} (name in the {@code model} field -> model). The caller keeps ownership of
     * the models; {@link #close()} stops the server only.
     */
    public static ChatCompletionsServer start(Map<String, VisionLanguageModel> models, Options options) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("no models to serve");
        }
        try {
            ChatCompletionsServer s = new ChatCompletionsServer(models, options);
            s.server.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + options.host() + ":" + options.port() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL clients use, for example {@code http://127.0.0.1:8080/v1}. */
    public String baseUrl() {
        String h = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return "http://" + h + ":" + port() + "/v1";
    }

    /** The names clients put in the {@code model} field, in serving order. */
    public java.util.List<String> modelNames() {
        return java.util.List.copyOf(models.keySet());
    }

    /** Chat completions answered so far. */
    public long served() {
        return served.get();
    }

    /** Stops accepting requests, lets running ones finish for up to a second, and frees the threads. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** A request refused with an HTTP status and an OpenAI-style error. */
    private static final class ApiError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String type;
        final String param;
        final String code;

        ApiError(int status, String type, String param, String code, String message) {
            super(message);
            this.status = status;
            this.type = type;
            this.param = param;
            this.code = code;
        }

        static ApiError invalid(String param, String message) {
            return new ApiError(400, "invalid_request_error", param, null, message);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            try {
                String path = ex.getRequestURI().getPath();
                if (path.endsWith("/")) {
                    path = path.substring(0, path.length() - 1);
                }
                switch (path) {
                    case "/v1/chat/completions" -> {
                        requireMethod(ex, "POST");
                        send(ex, 200, chatCompletion(readBody(ex)));
                    }
                    case "/v1/models" -> {
                        requireMethod(ex, "GET");
                        send(ex, 200, modelList());
                    }
                    default -> throw new ApiError(404, "invalid_request_error", null, "not_found",
                            "no such endpoint: " + path + " (served: POST /v1/chat/completions, GET /v1/models)");
                }
            } catch (ApiError e) {
                send(ex, e.status, error(e));
            } catch (RuntimeException e) {
                LOG.warn("request failed: {}", e.toString());
                send(ex, 500, error(new ApiError(500, "server_error", null, null,
                        "the model failed: " + e.getClass().getSimpleName()
                                + (e.getMessage() == null ? "" : ": " + e.getMessage()))));
            }
        }
    }

    private static void requireMethod(HttpExchange ex, String method) {
        if (!ex.getRequestMethod().equalsIgnoreCase(method)) {
            ex.getResponseHeaders().add("Allow", method);
            throw new ApiError(405, "invalid_request_error", null, "method_not_allowed",
                    ex.getRequestMethod() + " not allowed here; use " + method);
        }
    }

    private byte[] readBody(HttpExchange ex) throws IOException {
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > options.maxBodyBytes()) {
                    throw tooLarge("request body", options.maxBodyBytes());
                }
            } catch (NumberFormatException ignored) {
                // the read below still enforces the limit
            }
        }
        try (InputStream in = ex.getRequestBody()) {
            byte[] b = in.readNBytes(options.maxBodyBytes() + 1);
            if (b.length > options.maxBodyBytes()) {
                throw tooLarge("request body", options.maxBodyBytes());
            }
            return b;
        }
    }

    private static ApiError tooLarge(String what, int limit) {
        return new ApiError(413, "invalid_request_error", null, "payload_too_large",
                what + " exceeds the limit of " + limit + " bytes");
    }

    private byte[] chatCompletion(byte[] body) {
        JsonNode req;
        try {
            req = JSON.readTree(body);
        } catch (IOException e) {
            throw ApiError.invalid(null, "malformed JSON: " + firstLine(e.getMessage()));
        }
        if (req == null || !req.isObject()) {
            throw ApiError.invalid(null, "the request body must be a JSON object");
        }
        JsonNode modelField = req.get("model");
        if (modelField == null || !modelField.isTextual() || modelField.asText().isBlank()) {
            throw ApiError.invalid("model", "field 'model' is required (served: " + models.keySet() + ")");
        }
        String name = modelField.asText();
        VisionLanguageModel model = models.get(name);
        if (model == null) {
            throw new ApiError(404, "invalid_request_error", "model", "model_not_found",
                    "the model '" + name + "' does not exist (served: " + models.keySet() + ")");
        }
        if (req.path("stream").asBoolean(false)) {
            throw ApiError.invalid("stream", "streaming is not supported");
        }
        VisualQuestion question = question(req.get("messages"));
        Answer answer;
        try {
            answer = model.answer(question);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("messages", "the model cannot answer this: " + e.getMessage());
        }
        served.incrementAndGet();
        return completion(name, answer, req.path("logprobs").asBoolean(false));
    }

    private VisualQuestion question(JsonNode messages) {
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw ApiError.invalid("messages", "field 'messages' must be a non-empty array");
        }
        JsonNode user = null;
        for (JsonNode m : messages) {
            if ("user".equals(m.path("role").asText())) {
                user = m;
            }
        }
        if (user == null) {
            throw ApiError.invalid("messages", "no message with role 'user'");
        }
        JsonNode content = user.get("content");
        if (content == null || !content.isArray()) {
            throw ApiError.invalid("messages", "the user message must have a content array with an image_url part "
                    + "and a text part");
        }
        String text = null;
        String url = null;
        int images = 0;
        for (JsonNode part : content) {
            String type = part.path("type").asText();
            if (type.equals("text")) {
                if (text == null && part.path("text").isTextual()) {
                    text = part.get("text").asText();
                }
            } else if (type.equals("image_url")) {
                images++;
                JsonNode iu = part.get("image_url");
                url = iu == null ? null : iu.isTextual() ? iu.asText() : iu.path("url").asText(null);
            }
        }
        if (images == 0 || url == null) {
            throw ApiError.invalid("messages", "missing image: the user message needs one part "
                    + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,...\"}}");
        }
        if (images > 1) {
            throw ApiError.invalid("messages", "exactly one image per request, got " + images);
        }
        if (text == null || text.isBlank()) {
            throw ApiError.invalid("messages", "missing question: the user message needs a non-empty text part");
        }
        return new VisualQuestion(decode(url), text.strip());
    }

    private Picture decode(String url) {
        if (!url.startsWith("data:")) {
            throw ApiError.invalid("messages", "image_url must be a data URL (data:image/png;base64,...); "
                    + "remote URLs are not fetched");
        }
        int comma = url.indexOf(',');
        String meta = comma < 0 ? "" : url.substring(5, comma);
        if (comma < 0 || !meta.endsWith(";base64")) {
            throw ApiError.invalid("messages", "bad data URL: expected data:image/png;base64,<data>");
        }
        String mime = meta.substring(0, meta.length() - ";base64".length());
        if (!mime.equals("image/png") && !mime.equals("image/jpeg") && !mime.equals("image/jpg")) {
            throw ApiError.invalid("messages", "bad data URL: unsupported image type '" + mime
                    + "' (image/png or image/jpeg)");
        }
        long encoded = url.length() - comma - 1L;
        if (encoded / 4 * 3 > options.maxImageBytes() + 2L) {
            throw tooLarge("image", options.maxImageBytes());
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(url.substring(comma + 1).replaceAll("\\s+", ""));
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("messages", "bad data URL: invalid base64 (" + e.getMessage() + ")");
        }
        if (bytes.length > options.maxImageBytes()) {
            throw tooLarge("image", options.maxImageBytes());
        }
        checkDimensions(bytes);
        try {
            return Picture.decode(bytes);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("messages", "bad data URL: " + e.getMessage());
        }
    }

    private void checkDimensions(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw ApiError.invalid("messages", "bad data URL: not a readable image (PNG or JPEG expected)");
            }
            ImageReader r = readers.next();
            try {
                r.setInput(in);
                int w = r.getWidth(0);
                int h = r.getHeight(0);
                if (w > options.maxImageSide() || h > options.maxImageSide()) {
                    throw new ApiError(413, "invalid_request_error", "messages", "payload_too_large", "image " + w
                            + "x" + h + " exceeds the limit of " + options.maxImageSide() + " pixels per side");
                }
            } finally {
                r.dispose();
            }
        } catch (IOException e) {
            throw ApiError.invalid("messages", "bad data URL: unreadable image (" + e.getMessage() + ")");
        }
    }

    private static byte[] completion(String model, Answer answer, boolean logprobs) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-auditdm");
        root.put("object", "chat.completion");
        root.put("created", System.currentTimeMillis() / 1000);
        root.put("model", model);
        ArrayNode choices = root.putArray("choices");
        ObjectNode choice = choices.addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", answer.text());
        if (logprobs && !Double.isNaN(answer.probability())) {
            // The answer is one token of the zoo's answer vocabulary: its log-probability is the reply's.
            ObjectNode token = choice.putObject("logprobs").putArray("content").addObject();
            token.put("token", answer.text());
            token.put("logprob", Math.log(answer.probability()));
            ArrayNode utf8 = token.putArray("bytes");
            for (byte b : answer.text().getBytes(StandardCharsets.UTF_8)) {
                utf8.add(b & 0xff);
            }
            token.putArray("top_logprobs");
        } else {
            choice.putNull("logprobs");
        }
        choice.put("finish_reason", "stop");
        ObjectNode usage = root.putObject("usage");
        usage.put("prompt_tokens", 0);
        usage.put("completion_tokens", 0);
        usage.put("total_tokens", 0);
        if (!Double.isNaN(answer.probability())) {
            // Not part of the OpenAI format; clients that do not know it ignore it.
            root.put("auditdm_probability", answer.probability());
        }
        return bytes(root);
    }

    private byte[] modelList() {
        ObjectNode root = JSON.createObjectNode();
        root.put("object", "list");
        ArrayNode data = root.putArray("data");
        for (String name : models.keySet()) {
            ObjectNode m = data.addObject();
            m.put("id", name);
            m.put("object", "model");
            m.put("created", 0);
            m.put("owned_by", "auditdm");
        }
        return bytes(root);
    }

    private static byte[] error(ApiError e) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode err = root.putObject("error");
        err.put("message", e.getMessage());
        err.put("type", e.type);
        if (e.param == null) {
            err.putNull("param");
        } else {
            err.put("param", e.param);
        }
        if (e.code == null) {
            err.putNull("code");
        } else {
            err.put("code", e.code);
        }
        return bytes(root);
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public String toString() {
        return "ChatCompletionsServer[" + baseUrl() + ", " + models.keySet() + "]";
    }
}
