package org.auditdm.connectors;

import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.auditdm.api.Answer;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.api.VisualQuestion;

/**
 * A target reached through a LangChain4j {@link ChatModel}. Each question is one user message with three
 * parts, in this order: the image (a base64 PNG), the question text, and the instruction. The answer is
 * the first non-blank line of the reply, trimmed. Every failure is a {@link TargetCallException} whose
 * message has been redacted of the target's secrets.
 */
abstract class ChatModelTarget implements VisionLanguageModel {
    private final RemoteSettings settings;
    private final ChatModel model;
    private final List<Secret> secrets;

    ChatModelTarget(RemoteSettings settings, ChatModel model, List<Secret> secrets) {
        this.settings = settings;
        this.model = model;
        this.secrets = List.copyOf(secrets);
    }

    @Override
    public final String id() {
        return settings.id();
    }

    /** The settings (no secrets). */
    public final RemoteSettings settings() {
        return settings;
    }

    @Override
    public final Answer answer(VisualQuestion question) {
        String png = Base64.getEncoder().encodeToString(question.image().toPng());
        List<Content> parts = new ArrayList<>(3);
        parts.add(ImageContent.from(png, "image/png"));
        parts.add(TextContent.from(question.question()));
        if (!settings.instruction().isBlank()) {
            parts.add(TextContent.from(settings.instruction()));
        }
        ChatResponse response;
        try {
            response = model.chat(UserMessage.from(parts));
        } catch (RuntimeException e) {
            throw Failures.translate(id(), e, secrets);
        }
        String text = response == null || response.aiMessage() == null ? null : response.aiMessage().text();
        String answer = AnswerText.firstLine(text);
        if (answer.isEmpty()) {
            throw TargetCallException.of(id(), TargetCallException.Reason.EMPTY_ANSWER, 0, null,
                    "the model replied with no text");
        }
        double p = probability(response);
        return Double.isNaN(p) ? Answer.of(answer) : new Answer(answer, p);
    }

    /** The reply's probability if the provider reports one, else NaN (unknown). */
    protected double probability(ChatResponse response) {
        return Double.NaN;
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + settings;
    }
}
