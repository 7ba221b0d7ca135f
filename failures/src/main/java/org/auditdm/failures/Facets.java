package org.auditdm.failures;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.auditdm.api.Probe;
import org.auditdm.api.ProbeMode;
import org.auditdm.world.edit.Edit;
import org.auditdm.world.edit.EditParser;
import org.auditdm.world.question.Program;
import org.auditdm.world.question.QuestionParser;
import org.auditdm.world.scene.ObjectFilter;

/**
 * Reads facets from a probe's text and from the models' answers. Input facets come from parsing the
 * question and the edit with the world's grammars; a question outside the grammar (a photo seed's free
 * text) simply has fewer facets, and clustering falls back on its sentence embedding.
 *
 * <p>Keys: {@code mode}, {@code pairing}, {@code family}, {@code subject.color|shape|size|fill},
 * {@code other.color|shape|size|fill}, {@code relation}, {@code comparison}, {@code edit} (edit kind),
 * {@code edit.perturbation}, {@code edit.color}; answer facets {@code consensus}, {@code consensus.count}
 * (count bucket), {@code target}, {@code target.count}, {@code error} (undercount, overcount, false-yes,
 * false-no).
 */
public final class Facets {
    private Facets() {
    }

    /** Facets of the probe's input: what was asked and how the image was made. */
    public static Set<Facet> ofInput(Probe probe) {
        Set<Facet> out = new TreeSet<>();
        out.add(new Facet("mode", word(probe.mode().name())));
        out.add(new Facet("pairing", word(probe.pairing().name())));
        question(probe.question(), out);
        if (probe.mode() == ProbeMode.EDIT) {
            String text = probe.auditorText();
            int bar = text.indexOf(" | ");
            edit(bar >= 0 ? text.substring(bar + 3) : text, out);
        }
        return out;
    }

    /**
     * Facets of the answers: the ensemble's agreed answer (absent when it does not agree), the target's
     * answer, and the direction of a numeric or yes/no error.
     */
    public static Set<Facet> ofAnswers(String targetAnswer, String consensus, boolean agreed) {
        Set<Facet> out = new TreeSet<>();
        String t = normal(targetAnswer);
        if (!t.isEmpty()) {
            out.add(new Facet("target", t));
            Integer tn = number(t);
            if (tn != null) {
                out.add(new Facet("target.count", bucket(tn)));
            }
        }
        if (!agreed || consensus == null || normal(consensus).isEmpty()) {
            return out;
        }
        String c = normal(consensus);
        out.add(new Facet("consensus", c));
        Integer cn = number(c);
        if (cn != null) {
            out.add(new Facet("consensus.count", bucket(cn)));
            Integer tn = number(t);
            if (tn != null && !tn.equals(cn)) {
                out.add(new Facet("error", tn < cn ? "undercount" : "overcount"));
            }
        } else if (c.equals("yes") && t.equals("no")) {
            out.add(new Facet("error", "false-no"));
        } else if (c.equals("no") && t.equals("yes")) {
            out.add(new Facet("error", "false-yes"));
        }
        return out;
    }

    /** Input and answer facets together. */
    public static Set<Facet> of(Probe probe, String targetAnswer, String consensus, boolean agreed) {
        Set<Facet> out = new TreeSet<>(ofInput(probe));
        out.addAll(ofAnswers(targetAnswer, consensus, agreed));
        return out;
    }

    /** "0", "1-2", "3-5", "6+": coarse enough that a cluster can share it. */
    static String bucket(int n) {
        if (n <= 0) {
            return "0";
        }
        if (n <= 2) {
            return "1-2";
        }
        return n <= 5 ? "3-5" : "6+";
    }

    private static void question(String text, Set<Facet> out) {
        Program p;
        try {
            p = QuestionParser.parse(text).program();
        } catch (IllegalArgumentException e) {
            return;
        }
        out.add(new Facet("family", word(p.family().name())));
        filter("subject", p.subject(), out);
        filter("other", p.other(), out);
        if (p.relation() != null) {
            out.add(new Facet("relation", word(p.relation().name())));
        }
        if (p.comparison() != null) {
            out.add(new Facet("comparison", word(p.comparison().name())));
        }
        if (p.color() != null) {
            out.add(new Facet("excluded.color", p.color().word()));
        }
    }

    private static void filter(String role, ObjectFilter f, Set<Facet> out) {
        if (f == null) {
            return;
        }
        if (f.color() != null) {
            out.add(new Facet(role + ".color", f.color().word()));
        }
        if (f.shape() != null) {
            out.add(new Facet(role + ".shape", f.shape().word()));
        }
        if (f.size() != null) {
            out.add(new Facet(role + ".size", f.size().word()));
        }
        if (f.fill() != null) {
            out.add(new Facet(role + ".fill", f.fill().word()));
        }
    }

    private static void edit(String text, Set<Facet> out) {
        Edit e;
        try {
            e = EditParser.parse(text);
        } catch (IllegalArgumentException ex) {
            return;
        }
        out.add(new Facet("edit", e.getClass().getSimpleName().toLowerCase(Locale.ROOT)));
        if (e instanceof Edit.Perturb p) {
            out.add(new Facet("edit.perturbation", word(p.kind().name())));
        } else if (e instanceof Edit.Recolor r) {
            out.add(new Facet("edit.color", r.color().word()));
        }
    }

    private static String word(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String normal(String answer) {
        return answer == null ? "" : answer.strip().toLowerCase(Locale.ROOT);
    }

    private static Integer number(String s) {
        if (s.isEmpty() || s.length() > 3) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return null;
            }
        }
        return Integer.parseInt(s);
    }
}
