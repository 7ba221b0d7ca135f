package org.auditdm.zoo.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.auditdm.zoo.model.ZooModel;

/**
 * How well a network's dense heads name what covers each cell: per head, the share of covered cells (head 0's
 * class above 0) whose argmax class is the target's, on examples drawn from a source with dense targets. Runs the
 * network in inference mode (batch-norm running statistics, nothing updated).
 */
public final class DenseAccuracy {
    private DenseAccuracy() {
    }

    /**
     * @return per head: {correct, covered cells}
     */
    public static long[][] measure(ZooModel model, TrainingSource source, long seed, int batches) {
        List<Integer> classes = model.spec().denseClasses();
        if (classes.isEmpty()) {
            throw new IllegalArgumentException(model.id() + " has no dense heads");
        }
        long[][] out = new long[classes.size()][2];
        for (int s = 0; s < batches; s++) {
            List<LabeledExample> batch = source.next(ZooTraining.stepRandom(seed, s), 64);
            try (NDManager scope = model.parameters().manager().newSubManager()) {
                NDArray[] o = model.forward(scope, batch.stream().map(LabeledExample::image).toList(),
                        batch.stream().map(LabeledExample::question).toList(), false, true);
                float[] d = o[1].toFloatArray();
                int k = (int) o[1].getShape().get(1);
                int cells = (int) (o[1].getShape().get(2) * o[1].getShape().get(3));
                for (int i = 0; i < batch.size(); i++) {
                    DenseTargets t = batch.get(i).dense();
                    if (t == null) {
                        throw new IllegalArgumentException("the source gives no dense targets: " + source.name());
                    }
                    for (int c = 0; c < cells; c++) {
                        if (t.classes()[c] == 0) {
                            continue;
                        }
                        int channel = 0;
                        for (int h = 0; h < classes.size(); h++) {
                            int best = 0;
                            for (int j = 1; j < classes.get(h); j++) {
                                if (d[(i * k + channel + j) * cells + c] > d[(i * k + channel + best) * cells + c]) {
                                    best = j;
                                }
                            }
                            out[h][0] += best == t.classes()[h * cells + c] ? 1 : 0;
                            out[h][1]++;
                            channel += classes.get(h);
                        }
                    }
                }
            }
        }
        return out;
    }
}
