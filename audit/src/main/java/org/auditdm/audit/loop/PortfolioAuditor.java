package org.auditdm.audit.loop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.auditdm.api.Auditor;
import org.auditdm.api.Picture;
import org.auditdm.api.ProbeMode;
import org.auditdm.api.ProbeText;

/**
 * Several auditors sharing a discovery budget by weight: each text is drawn from a member chosen at random
 * by weight (deterministic for a seed). A small RL-trained auditor exploits its best question on most seeds;
 * mixing in the base auditor and world-text sampling keeps the findings, and so the failure types, diverse.
 */
public final class PortfolioAuditor implements Auditor {
    private final Map<Auditor, Double> members;
    private final List<Auditor> order;
    private final double total;

    /** @param members auditors and their weights, in a fixed order */
    public PortfolioAuditor(Map<Auditor, Double> members) {
        Objects.requireNonNull(members, "members");
        this.members = new LinkedHashMap<>(members);
        this.order = new ArrayList<>(members.keySet());
        this.total = members.values().stream().mapToDouble(Double::doubleValue).sum();
        if (order.isEmpty() || !(total > 0)) {
            throw new IllegalArgumentException("a portfolio needs at least one auditor with positive weight");
        }
    }

    @Override
    public String id() {
        StringBuilder s = new StringBuilder("auditor:portfolio(");
        for (int i = 0; i < order.size(); i++) {
            s.append(i == 0 ? "" : ",").append(order.get(i).id()).append('=').append(members.get(order.get(i)));
        }
        return s.append(')').toString();
    }

    @Override
    public List<ProbeText> propose(Picture image, String seedQuestion, ProbeMode mode, int count, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] counts = new int[order.size()];
        for (int i = 0; i < count; i++) {
            double r = rng.nextDouble() * total;
            int k = 0;
            while (k < order.size() - 1 && r >= members.get(order.get(k))) {
                r -= members.get(order.get(k));
                k++;
            }
            counts[k]++;
        }
        List<ProbeText> out = new ArrayList<>(count);
        for (int k = 0; k < order.size(); k++) {
            long memberSeed = rng.nextLong(); // drawn for every member, so one member's count never shifts another's seed
            if (counts[k] > 0) {
                out.addAll(order.get(k).propose(image, seedQuestion, mode, counts[k], memberSeed));
            }
        }
        return out;
    }
}
