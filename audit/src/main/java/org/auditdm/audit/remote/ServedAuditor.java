package org.auditdm.audit.remote;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.auditdm.api.Answer;
import org.auditdm.api.Auditor;
import org.auditdm.api.ProbeText;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.api.VisualQuestion;

/**
 * An {@link Auditor} dressed as a chat model, so that it can be served over the OpenAI-compatible API
 * ({@code ChatCompletionsServer}) and reached by a {@link ChatAuditor}: the "question" must be an
 * {@link AuditorPrompt}; the answer is proposal K of the N texts the auditor writes for that image, seed
 * question, mode and variation. Through this pair, an audit with the auditor over HTTP proposes exactly what
 * the in-process auditor proposes.
 */
public final class ServedAuditor implements VisionLanguageModel {
    private static final int MEMO = 256;

    private final Auditor auditor;
    private final Map<String, List<ProbeText>> memo = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<ProbeText>> e) {
            return size() > MEMO;
        }
    };

    public ServedAuditor(Auditor auditor) {
        this.auditor = Objects.requireNonNull(auditor, "auditor");
    }

    @Override
    public String id() {
        return auditor.id();
    }

    @Override
    public Answer answer(VisualQuestion question) {
        AuditorPrompt p = AuditorPrompt.parse(question.question());
        String key = question.image().sha256() + "\u0000" + p.mode() + "\u0000" + p.seedQuestion() + "\u0000" + p.of()
                + "\u0000" + p.variation();
        List<ProbeText> texts;
        synchronized (memo) {
            texts = memo.get(key);
        }
        if (texts == null) {
            texts = auditor.propose(question.image(), p.seedQuestion(), p.mode(), p.of(), p.variation());
            synchronized (memo) {
                memo.put(key, texts);
            }
        }
        if (p.proposal() > texts.size()) {
            throw new IllegalArgumentException("the auditor wrote only " + texts.size() + " texts");
        }
        String t = texts.get(p.proposal() - 1).text();
        // An empty text cannot travel as a chat answer; a lone "-" is just as invalid on arrival.
        return Answer.of(t.isBlank() ? "-" : t);
    }
}
