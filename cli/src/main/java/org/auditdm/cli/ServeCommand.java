package org.auditdm.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.connectors.ChatCompletionsServer;
import org.auditdm.zoo.checkpoint.Checkpoints;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code auditdm serve}: zoo models behind an OpenAI-compatible API, so that any client (or an
 * {@code openai} target spec) can query them: {@code POST /v1/chat/completions}, {@code GET /v1/models}.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve zoo models over an OpenAI-compatible HTTP API (POST /v1/chat/completions with an "
                + "image_url data URL and a text question; GET /v1/models) until interrupted.")
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", split = ",", defaultValue = "S",
            description = "models to serve: presets (S, M, L) or checkpoint directories, optionally NAME=MODEL to "
                    + "choose the name clients put in the 'model' field (default: ${DEFAULT-VALUE}; a preset is "
                    + "served as its name, a directory as its folder name)")
    List<String> models;

    @Option(names = "--port", defaultValue = "8080", description = "port; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "address to bind (default: ${DEFAULT-VALUE}, loopback only)")
    String host;

    @Option(names = "--threads", defaultValue = "4", description = "request threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--max-image-bytes", defaultValue = "8388608",
            description = "largest image accepted, in bytes (default: ${DEFAULT-VALUE})")
    int maxImageBytes;

    /** A running server with the checkpoints it loaded; closing stops the server, then frees the models. */
    record Running(ChatCompletionsServer server, List<Checkpoints.Loaded> loaded) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
            loaded.forEach(Checkpoints.Loaded::close);
        }
    }

    /** Loads the models and starts the server (used by {@link #call()} and by tests). */
    Running start() {
        Map<String, VisionLanguageModel> served = new LinkedHashMap<>();
        List<Checkpoints.Loaded> loaded = new ArrayList<>();
        try {
            for (String m : models) {
                int eq = m.indexOf('=');
                String name = eq > 0 ? m.substring(0, eq) : null;
                String where = eq > 0 ? m.substring(eq + 1) : m;
                Path dir = ZooModels.resolve(where);
                if (name == null) {
                    name = Path.of(where).getFileName() == null ? where : Path.of(where).getFileName().toString();
                }
                if (served.containsKey(name)) {
                    throw new IllegalArgumentException("two models are served as '" + name + "': use NAME=MODEL");
                }
                Checkpoints.Loaded l = Checkpoints.load(dir);
                loaded.add(l);
                served.put(name, l.model());
            }
            ChatCompletionsServer server = ChatCompletionsServer.start(served, ChatCompletionsServer.Options.defaults()
                    .withHost(host).withPort(port).withThreads(threads).withMaxImageBytes(maxImageBytes));
            return new Running(server, loaded);
        } catch (RuntimeException e) {
            loaded.forEach(Checkpoints.Loaded::close);
            throw e;
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        Running running = start();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "auditdm-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        var out = spec.commandLine().getOut();
        out.println("serving " + String.join(", ", running.server().modelNames()) + " at " + running.server().baseUrl()
                + " (POST /chat/completions, GET /models); Ctrl-C stops");
        out.flush();
        stopped.await();
        return 0;
    }
}
