package org.auditdm.zoo.checkpoint;

import java.util.List;
import java.util.Objects;
import org.auditdm.zoo.model.Family;
import org.auditdm.zoo.model.ModelSpec;
import org.auditdm.zoo.train.StopReason;
import org.auditdm.zoo.train.TrainingConfig;

/**
 * {@code metadata.json} of a checkpoint directory.
 *
 * @param formatVersion metadata format, currently 2 (1: the zoo before batch norm and the max-pooled head)
 * @param id checkpoint id: size name plus the first 12 hex digits of the parameter checksum
 * @param family architecture family
 * @param size size name
 * @param spec full architecture
 * @param parameterCount trainable scalars
 * @param precision how {@code params} stores values
 * @param parameterChecksum SHA-256 over the stored value bytes (see {@link ParameterFile})
 * @param training how the parameters were obtained, or null for an untrained model
 * @param parent the checkpoint this one was fine-tuned or exported from, or null
 * @param dataRecipe what data a fine-tune used, or null
 * @param codeVersion git commit of the code that wrote it, or "unknown"
 * @param createdAt ISO-8601 instant from the injected clock
 * @param questionVocabulary question words in id order
 * @param answerVocabulary answers in output order
 */
public record CheckpointMetadata(int formatVersion, String id, Family family, String size, ModelSpec spec,
                                 long parameterCount, Precision precision, String parameterChecksum,
                                 TrainingRecord training, ParentCheckpoint parent, DataRecipe dataRecipe,
                                 String codeVersion, String createdAt, List<String> questionVocabulary,
                                 List<String> answerVocabulary) {
    public static final int FORMAT_VERSION = 2;

    public CheckpointMetadata {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(parameterChecksum, "parameterChecksum");
        questionVocabulary = List.copyOf(questionVocabulary);
        answerVocabulary = List.copyOf(answerVocabulary);
    }

    /**
     * Training provenance.
     *
     * @param config the training configuration
     * @param schedule readable optimiser and schedule description
     * @param dataSource the {@link org.auditdm.zoo.train.TrainingSource#name()} (data prior)
     * @param stepsDone optimiser steps applied
     * @param stopReason why training stopped (or null while a run is in progress)
     * @param finalLoss loss of the last training batch
     * @param finalAccuracy accuracy on the last training batch
     * @param optimiserStep AdamW step counter stored with the optimiser state (resume)
     */
    public record TrainingRecord(TrainingConfig config, String schedule, String dataSource, int stepsDone,
                                 StopReason stopReason, double finalLoss, double finalAccuracy, int optimiserStep) {
    }

    /** Pointer to a parent checkpoint: its id, checksum and directory as given when the child was made. */
    public record ParentCheckpoint(String id, String parameterChecksum, String location) {
    }

    /**
     * Data of a fine-tune.
     *
     * @param kind "fine-tune"
     * @param itemCount number of targeted examples
     * @param itemsSha256 SHA-256 over the examples (image hash, question, answer each)
     * @param replaySource name of the replay source
     * @param replayFraction share of each batch drawn from the replay source
     */
    public record DataRecipe(String kind, int itemCount, String itemsSha256, String replaySource,
                             double replayFraction) {
    }
}
