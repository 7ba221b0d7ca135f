package org.auditdm.world.scene;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A vertical bar chart with a y axis from 0 to {@link Limits#MAX_BAR_VALUE} and gridlines. */
public record Chart(List<Bar> bars, NamedColor barColor) {
    public Chart {
        Objects.requireNonNull(barColor, "barColor");
        bars = List.copyOf(Objects.requireNonNull(bars, "bars"));
        if (bars.size() < Limits.MIN_BARS || bars.size() > Limits.MAX_BARS) {
            throw new IllegalArgumentException("a chart has " + Limits.MIN_BARS + " to " + Limits.MAX_BARS
                    + " bars, got " + bars.size());
        }
        var seen = new HashSet<String>();
        for (Bar b : bars) {
            if (!seen.add(b.label())) {
                throw new IllegalArgumentException("bar label " + b.label() + " appears twice");
            }
        }
    }

    public Optional<Bar> bar(String label) {
        return bars.stream().filter(b -> b.label().equalsIgnoreCase(label)).findFirst();
    }
}
