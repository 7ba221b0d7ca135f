package org.auditdm.audit.remote;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.auditdm.api.ProbeMode;

/**
 * The prompt a chat model gets to act as an auditor: what to write (a probing question, an edit command or a
 * caption) in which language (the synthetic world's or the photo-edit language), the seed question, and which
 * of several proposals this is. It ends with four machine-readable lines ({@code mode:}, {@code seed question:},
 * {@code proposal: K of N}, {@code variation:}) so that a served auditor ({@link ServedAuditor}) can read it
 * back exactly.
 *
 * @param language whose language the texts must be in
 * @param mode what to write
 * @param seedQuestion the seed's question
 * @param proposal 1-based number of this proposal
 * @param of how many proposals are requested for this seed and mode
 * @param variation the auditor's seed for this batch of proposals
 */
public record AuditorPrompt(Language language, ProbeMode mode, String seedQuestion, int proposal, int of,
                            long variation) {
    /** The texts' language: the synthetic world's grammar, or photos (free questions, photo-edit commands). */
    public enum Language {
        WORLD, PHOTO
    }

    private static final Pattern MODE = Pattern.compile("(?m)^mode: (question|edit|caption)$");
    private static final Pattern SEED = Pattern.compile("(?m)^seed question: (.*)$");
    private static final Pattern PROPOSAL = Pattern.compile("(?m)^proposal: (\\d+) of (\\d+)$");
    private static final Pattern VARIATION = Pattern.compile("(?m)^variation: (-?\\d+)$");

    public AuditorPrompt {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(seedQuestion, "seedQuestion");
        seedQuestion = seedQuestion.replace('\n', ' ').strip();
        if (of < 1 || proposal < 1 || proposal > of) {
            throw new IllegalArgumentException("proposal must be in [1, " + of + "], got " + proposal);
        }
    }

    /** The full prompt text. */
    public String text() {
        return "You are auditing a small vision-language model: find what it gets wrong about images like this one.\n"
                + task() + "\n"
                + grammar() + "\n"
                + "Write proposal " + proposal + " of " + of + "; make each proposal different from the others.\n"
                + "Reply with the " + noun() + " only, on one line, without quotes or explanations.\n"
                + "mode: " + mode.word() + "\n"
                + "seed question: " + seedQuestion + "\n"
                + "proposal: " + proposal + " of " + of + "\n"
                + "variation: " + variation;
    }

    private String noun() {
        return switch (mode) {
            case QUESTION -> "question";
            case EDIT -> "edit command";
            case CAPTION -> "caption";
        };
    }

    private String task() {
        return switch (mode) {
            case QUESTION -> "Write a new probing question about the image, with a short factual answer, that the model "
                    + "may answer wrongly. The original question about the image was: \"" + seedQuestion + "\".";
            case EDIT -> "Write an edit command that changes the image so that the model may answer this question "
                    + "wrongly about the edited image: \"" + seedQuestion + "\".";
            case CAPTION -> "Write a caption describing a new image, similar to this one, about which the model may "
                    + "answer this question wrongly: \"" + seedQuestion + "\".";
        };
    }

    private String grammar() {
        if (language == Language.PHOTO) {
            return switch (mode) {
                case QUESTION -> "The image is a photo. Ask about objects, counts, colours, text, positions.";
                case EDIT -> "Use exactly one command of this language: crop to the top left | crop to X Y W H (percent) | "
                        + "rotate by N degrees | flip horizontally | flip vertically | brighten by N percent | "
                        + "darken by N percent | increase the contrast by N percent | lower the contrast by N percent | "
                        + "blur the image by N pixels | make the image grayscale | occlude the center with a black box | "
                        + "occlude X Y W H with a red box | add noise N | compress the image to quality N. Regions: top "
                        + "left, top, top right, left, center, right, bottom left, bottom, bottom right.";
                case CAPTION -> "Describe a photograph in one sentence.";
            };
        }
        return switch (mode) {
            case QUESTION -> "Images show simple shapes (circle, square, triangle, star, hexagon, ...; 12 colours; small, "
                    + "medium or large; solid, striped or outline), signs with text, bar charts (bars A-H, values 0-10) "
                    + "or clocks. Examples: \"how many red circles are there?\", \"what colour is the star?\", \"is the "
                    + "circle to the left of the square?\", \"what does the sign say?\", \"what is the value of bar "
                    + "c?\", \"what time does the clock show?\".";
            case EDIT -> "Examples: \"make the star green\", \"remove the small circle\", \"add two yellow hexagons\", "
                    + "\"move the star to the top left\", \"make the circle large\", \"change the sign to GO\", \"set "
                    + "bar C to 7\", \"set the clock to 3:45\", \"blur the image\".";
            case CAPTION -> "Examples: \"three small red circles and a large blue star at the top left\", \"a sign "
                    + "reading STOP\", \"a bar chart with A = 3, B = 7\", \"a clock showing 3:45\".";
        };
    }

    /** Reads a prompt written by {@link #text()}; {@link IllegalArgumentException} when it is not one. */
    public static AuditorPrompt parse(String text) {
        Matcher m = MODE.matcher(text);
        Matcher s = SEED.matcher(text);
        Matcher p = PROPOSAL.matcher(text);
        Matcher v = VARIATION.matcher(text);
        if (!m.find() || !s.find() || !p.find() || !v.find()) {
            throw new IllegalArgumentException("not an auditor prompt: it lacks the lines 'mode:', 'seed question:', "
                    + "'proposal: K of N' and 'variation:'");
        }
        ProbeMode mode = switch (m.group(1)) {
            case "question" -> ProbeMode.QUESTION;
            case "edit" -> ProbeMode.EDIT;
            default -> ProbeMode.CAPTION;
        };
        Language language = text.contains("The image is a photo") || text.contains("crop to the top left")
                || text.contains("Describe a photograph") ? Language.PHOTO : Language.WORLD;
        return new AuditorPrompt(language, mode, s.group(1), Integer.parseInt(p.group(1)), Integer.parseInt(p.group(2)),
                Long.parseLong(v.group(1)));
    }

    /**
     * The text a chat model replied, cleaned: the first non-blank line, without a leading list marker or label
     * ("1.", "-", "Question:") or surrounding quotes.
     */
    public static String clean(String reply) {
        if (reply == null) {
            return "";
        }
        String line = "";
        for (String l : reply.split("\\R")) {
            if (!l.isBlank()) {
                line = l.strip();
                break;
            }
        }
        line = line.replaceFirst("^(?:\\d+[.)]|[-*•])\\s*", "");
        String lower = line.toLowerCase(Locale.ROOT);
        for (String label : new String[] {"question:", "edit command:", "edit:", "caption:", "command:"}) {
            if (lower.startsWith(label)) {
                line = line.substring(label.length()).strip();
                break;
            }
        }
        if (line.length() >= 2 && (line.startsWith("\"") && line.endsWith("\"") || line.startsWith("'") && line.endsWith("'"))) {
            line = line.substring(1, line.length() - 1).strip();
        }
        return line;
    }
}
