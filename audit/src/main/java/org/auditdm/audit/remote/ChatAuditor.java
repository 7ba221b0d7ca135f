package org.auditdm.audit.remote;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.auditdm.api.Auditor;
import org.auditdm.api.Picture;
import org.auditdm.api.ProbeMode;
import org.auditdm.api.ProbeText;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.api.VisualQuestion;
import org.auditdm.connectors.ResilientTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A prompt-only auditor: a chat model (reached through the connectors, usually an OpenAI-compatible endpoint
 * wrapped in a {@link ResilientTarget}, so with its concurrency limit, retries, response cache and call counts)
 * is shown the seed image and an {@link AuditorPrompt}, once per requested text, and its one-line reply is the
 * text. There is no reinforcement learning: the model is used as it is.
 *
 * <p>Deterministic exactly as far as the chat model is (temperature 0, and the response cache makes reruns
 * identical). A proposal whose call finally fails is left out (the returned list is then shorter) and logged;
 * the failure is counted in the model's call statistics.
 */
public final class ChatAuditor implements Auditor {
    private static final Logger LOG = LoggerFactory.getLogger(ChatAuditor.class);

    private final String id;
    private final VisionLanguageModel chat;
    private final AuditorPrompt.Language language;

    /**
     * @param id the auditor's id in results, e.g. {@code auditor:http:gpt}
     * @param chat the chat model; its "question" is the prompt and its answer the text
     * @param language the language the texts must be in
     */
    public ChatAuditor(String id, VisionLanguageModel chat, AuditorPrompt.Language language) {
        this.id = Objects.requireNonNull(id, "id");
        this.chat = Objects.requireNonNull(chat, "chat");
        this.language = Objects.requireNonNull(language, "language");
    }

    @Override
    public String id() {
        return id;
    }

    public VisionLanguageModel chat() {
        return chat;
    }

    @Override
    public List<ProbeText> propose(Picture image, String seedQuestion, ProbeMode mode, int count, long seed) {
        List<VisualQuestion> prompts = new ArrayList<>(count);
        for (int k = 1; k <= count; k++) {
            prompts.add(new VisualQuestion(image, new AuditorPrompt(language, mode, seedQuestion, k, count, seed).text()));
        }
        List<ProbeText> out = new ArrayList<>(count);
        if (chat instanceof ResilientTarget r) {
            for (ResilientTarget.Outcome o : r.answerEach(prompts)) {
                if (o.ok()) {
                    out.add(ProbeText.of(mode, AuditorPrompt.clean(o.answer().text())));
                } else {
                    LOG.warn("{}: a proposal failed: {}", id, o.error().getMessage());
                }
            }
            return out;
        }
        for (VisualQuestion q : prompts) {
            try {
                out.add(ProbeText.of(mode, AuditorPrompt.clean(chat.answer(q).text())));
            } catch (RuntimeException e) {
                LOG.warn("{}: a proposal failed: {}", id, e.getMessage());
            }
        }
        return out;
    }
}
