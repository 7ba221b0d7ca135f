/**
 * Rectification: the audit's discoveries, labelled by the reference ensemble's consensus (never by
 * the world oracle), become targeted training data for the target model.
 *
 * <ul>
 *   <li>{@link org.auditdm.rectify.ConsensusLabeler} turns candidate (image, question) pairs into
 *       {@link org.auditdm.rectify.RectificationExample}s under a {@link org.auditdm.rectify.LabelFilter}.
 *   <li>Data builders: {@link org.auditdm.rectify.FindingsData} (a run's findings),
 *       {@link org.auditdm.rectify.Augment} (fresh probes of each validated failure type, through a
 *       {@link org.auditdm.rectify.TypeSampler}), {@link org.auditdm.rectify.Bootstrap} (auditor
 *       questions and edits on the unlabelled image pool), {@link org.auditdm.rectify.SeedFindings}
 *       (an auditor's findings on seeds, for the base-auditor control) and
 *       {@link org.auditdm.rectify.TrainingSample} (true-labelled training data, the data-scaling control).
 *   <li>{@link org.auditdm.rectify.Rectifier} fine-tunes through the zoo's fine-tuning API and records
 *       provenance; {@link org.auditdm.rectify.RectificationStudy} compares the rectified target with the
 *       controls and the references on the 16 suites; {@link org.auditdm.rectify.Export} writes LLaVA and
 *       OpenAI fine-tuning files.
 * </ul>
 *
 * <p>The oracle's answer travels with each example in a separate field, only so that
 * {@link org.auditdm.rectify.PseudoLabelError} can measure how noisy the consensus labels are and the
 * study's diagnostic row ({@link org.auditdm.rectify.OracleLabels}, {@code bench rectify
 * --oracle-labels}) can show what the same data teaches with true labels.
 */
package org.auditdm.rectify;
