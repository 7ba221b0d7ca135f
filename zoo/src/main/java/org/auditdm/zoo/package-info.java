/**
 * The embedded model zoo: tiny vision-language models (question + 64x64 RGB image to one answer from a
 * closed answer vocabulary) trained with DJL's PyTorch engine on CPU.
 *
 * <p>Entry points: {@link org.auditdm.zoo.model.ModelSpec} (architectures and the S/M/L presets),
 * {@link org.auditdm.zoo.model.ZooModel} (inference, a {@link org.auditdm.api.VisionLanguageModel}),
 * {@link org.auditdm.zoo.train.ZooTraining} (training, resume and fine-tuning),
 * {@link org.auditdm.zoo.checkpoint.Checkpoints} (verified save and load),
 * {@link org.auditdm.zoo.bench.ZooBenchmark} (speed table).
 */
package org.auditdm.zoo;
