package org.auditdm.world.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.auditdm.world.scene.Geometry;
import org.junit.jupiter.api.Test;

class StrokeFontTest {
    private static final String ALL = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!?.:-";

    private static boolean[] ink(char c) {
        int size = 40;
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, size, size);
        g.setColor(Color.BLACK);
        StrokeFont.draw(g, String.valueOf(c), 8, 6, 28);
        g.dispose();
        boolean[] mask = new boolean[size * size];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = (img.getRGB(i % size, i / size) & 0xFF) < 128;
        }
        return mask;
    }

    private static int difference(boolean[] a, boolean[] b) {
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            n += a[i] != b[i] ? 1 : 0;
        }
        return n;
    }

    @Test
    void everyAllowedCharacterHasAGlyph() {
        for (char c : (ALL + " ").toCharArray()) {
            assertThat(StrokeFont.supports(c)).as("%s", c).isTrue();
        }
        assertThat(StrokeFont.supports('a')).isFalse();
    }

    @Test
    void glyphsArePairwiseDistinct() {
        List<boolean[]> masks = new ArrayList<>();
        for (char c : ALL.toCharArray()) {
            boolean[] m = ink(c);
            int count = 0;
            for (boolean b : m) {
                count += b ? 1 : 0;
            }
            assertThat(count).as("ink of %s", c).isGreaterThan(4);
            masks.add(m);
        }
        for (int a = 0; a < masks.size(); a++) {
            for (int b = a + 1; b < masks.size(); b++) {
                assertThat(difference(masks.get(a), masks.get(b)))
                        .as("%s vs %s", ALL.charAt(a), ALL.charAt(b)).isGreaterThan(10);
            }
        }
    }

    @Test
    void lookAlikesDifferClearly() {
        for (String pair : new String[] {"O0", "I1", "S5", "B8", "D0", "Z2", "G6", "QO"}) {
            assertThat(difference(ink(pair.charAt(0)), ink(pair.charAt(1)))).as(pair).isGreaterThan(25);
        }
    }

    @Test
    void widthMatchesTheGeometryTextBox() {
        assertThat(StrokeFont.width("STOP", 10)).isCloseTo(4 * Geometry.GLYPH_ADVANCE * 10
                - (Geometry.GLYPH_ADVANCE - Geometry.GLYPH_WIDTH) * 10, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(StrokeFont.width("", 10)).isZero();
        var bounds = StrokeFont.outline("W", 0, 0, 10).getBounds2D();
        assertThat(bounds.getWidth()).isCloseTo(Geometry.GLYPH_WIDTH * 10, org.assertj.core.data.Offset.offset(0.01));
        assertThat(bounds.getHeight()).isCloseTo(10, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void unknownCharacterIsAClearError() {
        BufferedImage img = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        assertThatThrownBy(() -> StrokeFont.draw(g, "Ab", 0, 0, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'b'");
        g.dispose();
    }
}
