package org.auditdm.audit.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.auditdm.api.Answer;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.api.VisualQuestion;

/**
 * Asks models questions under a {@link CallPolicy}: one batched call first; when it fails, each
 * question on its own with retries and exponential backoff, so one bad question or a flaky model
 * costs only the probes it really affects. Never throws for a model failure: failures come back as
 * {@link CallResult} errors.
 */
public final class ModelCaller implements AutoCloseable {
    /** Waits between retries; injected so tests need not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final CallPolicy policy;
    private final Sleeper sleeper;
    private final ExecutorService calls = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "auditdm-model-call");
        t.setDaemon(true); // a model that ignores interruption must not keep the JVM alive
        return t;
    });

    public ModelCaller(CallPolicy policy, Sleeper sleeper) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    public ModelCaller(CallPolicy policy) {
        this(policy, d -> Thread.sleep(d.toMillis()));
    }

    public CallPolicy policy() {
        return policy;
    }

    /** One result per question, in order. */
    public List<CallResult> answerAll(VisionLanguageModel model, List<VisualQuestion> questions) {
        if (questions.isEmpty()) {
            return List.of();
        }
        try {
            List<Answer> batch = timed(() -> model.answerAll(questions), questions.size());
            if (batch.size() == questions.size() && batch.stream().allMatch(a -> a != null)) {
                List<CallResult> out = new ArrayList<>(batch.size());
                for (Answer a : batch) {
                    out.add(new CallResult(a.text(), a.probability(), null, 1));
                }
                return out;
            }
        } catch (CallFailure e) {
            // fall through: find out question by question which ones fail
        }
        List<CallResult> out = new ArrayList<>(questions.size());
        for (VisualQuestion q : questions) {
            out.add(answerOne(model, q));
        }
        return out;
    }

    /** Asks one question, retrying transient failures. */
    public CallResult answerOne(VisionLanguageModel model, VisualQuestion question) {
        Duration wait = policy.backoff();
        CallFailure last = null;
        for (int attempt = 1; attempt <= policy.retries() + 1; attempt++) {
            try {
                Answer a = timed(() -> model.answer(question), 1);
                if (a == null) {
                    throw new CallFailure(model.id() + " returned no answer", true);
                }
                return new CallResult(a.text(), a.probability(), null, attempt);
            } catch (CallFailure e) {
                last = e;
                if (!e.transientFailure || attempt == policy.retries() + 1) {
                    return new CallResult(null, e.getMessage(), attempt);
                }
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new CallResult(null, "interrupted while waiting to retry: " + last.getMessage(), attempt);
            }
            wait = wait.multipliedBy(2);
        }
        throw new IllegalStateException("unreachable");
    }

    private <T> T timed(Callable<T> call, int questions) {
        Duration limit = policy.timeoutPerQuestion().multipliedBy(questions);
        Future<T> f = calls.submit(call);
        try {
            return f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new CallFailure("timed out after " + limit.toMillis() + " ms", true);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            boolean permanent = cause instanceof IllegalArgumentException;
            throw new CallFailure(cause.getClass().getSimpleName() + ": " + cause.getMessage(), !permanent);
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new CallFailure("interrupted", false);
        }
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }

    private static final class CallFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean transientFailure;

        CallFailure(String message, boolean transientFailure) {
            super(message, null, false, false);
            this.transientFailure = transientFailure;
        }
    }
}
