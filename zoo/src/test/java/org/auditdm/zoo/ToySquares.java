package org.auditdm.zoo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.auditdm.api.Picture;
import org.auditdm.zoo.train.LabeledExample;
import org.auditdm.zoo.train.TrainingSource;
import org.auditdm.zoo.vocab.AnswerVocabulary;

/**
 * A toy data source: one coloured square on a grey 64x64 background; questions ask its colour (4 answers)
 * or whether it is on the left (yes/no). Chance accuracy of always answering the most frequent answer: 0.25.
 */
final class ToySquares implements TrainingSource {
    static final String[] COLOURS = {"red", "green", "blue", "yellow"};
    private static final Color[] RGB = {Color.RED, Color.GREEN, Color.BLUE, Color.YELLOW};
    static final AnswerVocabulary ANSWERS = new AnswerVocabulary(List.of("red", "green", "blue", "yellow", "yes", "no"));

    @Override
    public String name() {
        return "toy-squares";
    }

    @Override
    public AnswerVocabulary answers() {
        return ANSWERS;
    }

    @Override
    public List<String> questionCorpus() {
        return List.of("What colour is the square?", "Is the square on the left?");
    }

    @Override
    public List<LabeledExample> next(SplittableRandom rng, int batchSize) {
        List<LabeledExample> out = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            out.add(example(rng));
        }
        return out;
    }

    static LabeledExample example(SplittableRandom rng) {
        int colour = rng.nextInt(COLOURS.length);
        int side = 10 + rng.nextInt(8);
        int x = rng.nextInt(64 - side);
        int y = rng.nextInt(64 - side);
        Picture p = draw(colour, x, y, side);
        if (rng.nextBoolean()) {
            return new LabeledExample(p, "What colour is the square?", COLOURS[colour]);
        }
        boolean left = x + side / 2.0 < 32;
        return new LabeledExample(p, "Is the square on the left?", left ? "yes" : "no");
    }

    static Picture draw(int colour, int x, int y, int side) {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(128, 128, 128));
        g.fillRect(0, 0, 64, 64);
        g.setColor(RGB[colour]);
        g.fillRect(x, y, side, side);
        g.dispose();
        return Picture.of(img);
    }
}
