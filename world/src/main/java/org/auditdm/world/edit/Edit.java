package org.auditdm.world.edit;

import java.util.Locale;
import java.util.Objects;
import org.auditdm.world.scene.Fill;
import org.auditdm.world.scene.Limits;
import org.auditdm.world.scene.NamedColor;
import org.auditdm.world.scene.ObjectFilter;
import org.auditdm.world.scene.Region;
import org.auditdm.world.scene.ShapeKind;
import org.auditdm.world.scene.SizeClass;

/**
 * One instruction edit of a scene, as parsed by {@link EditParser}, written by {@link EditWriter}
 * and applied by {@link Editor}. Every kind is a record, so edits compare by value.
 */
public sealed interface Edit {

    /** "make the star green". */
    record Recolor(ObjectRef target, NamedColor color) implements Edit {
        public Recolor {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(color, "color");
        }
    }

    /** "remove the small circle", "remove all circles". */
    record Remove(ObjectRef target) implements Edit {
        public Remove {
            Objects.requireNonNull(target, "target");
        }
    }

    /** "add two yellow hexagons", "add a red circle at the top right"; region may be null. */
    record Add(int count, ObjectFilter what, Region region) implements Edit {
        public Add {
            Objects.requireNonNull(what, "what");
            if (count < 1 || count > Limits.MAX_OBJECTS) {
                throw new IllegalArgumentException("can add 1 to " + Limits.MAX_OBJECTS + " objects, got " + count);
            }
        }
    }

    /** "move the star to the top left". */
    record MoveTo(ObjectRef target, Region region) implements Edit {
        public MoveTo {
            single(target, "move");
            Objects.requireNonNull(region, "region");
        }
    }

    /** "move the square left of the triangle". */
    record MoveBeside(ObjectRef target, Relation relation, ObjectRef anchor) implements Edit {
        public MoveBeside {
            single(target, "move");
            single(anchor, "move things next to");
            Objects.requireNonNull(relation, "relation");
        }
    }

    /** "make the circle large". */
    record Resize(ObjectRef target, SizeClass size) implements Edit {
        public Resize {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(size, "size");
        }
    }

    /** "make the circle bigger" / "smaller": one size step. */
    record Scale(ObjectRef target, boolean bigger) implements Edit {
        public Scale {
            Objects.requireNonNull(target, "target");
        }
    }

    /** "turn the square into a circle". */
    record Reshape(ObjectRef target, ShapeKind shape) implements Edit {
        public Reshape {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(shape, "shape");
        }
    }

    /** "make the square striped". */
    record Refill(ObjectRef target, Fill fill) implements Edit {
        public Refill {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(fill, "fill");
        }
    }

    /** "rotate the triangle by 45 degrees": clockwise, 1 to 359 degrees. */
    record Rotate(ObjectRef target, int degrees) implements Edit {
        public Rotate {
            Objects.requireNonNull(target, "target");
            if (degrees < 1 || degrees > 359) {
                throw new IllegalArgumentException("rotation must be 1 to 359 degrees, got " + degrees);
            }
        }
    }

    /** "swap the circle and the square": they trade places. */
    record Swap(ObjectRef first, ObjectRef second) implements Edit {
        public Swap {
            single(first, "swap");
            single(second, "swap");
        }
    }

    /** "write A on the circle". */
    record Label(ObjectRef target, String text) implements Edit {
        public Label {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(text, "text");
            if (text.isEmpty() || text.length() > Limits.MAX_LABEL || !Limits.TEXT.matcher(text).matches()) {
                throw new IllegalArgumentException("a label is 1 to " + Limits.MAX_LABEL
                        + " characters of A-Z, 0-9, spaces and !?.:-, got '" + text + "'");
            }
        }
    }

    /** "erase the label on the circle". */
    record Unlabel(ObjectRef target) implements Edit {
        public Unlabel {
            Objects.requireNonNull(target, "target");
        }
    }

    /** "change the sign to GO". */
    record SetSignText(String text) implements Edit {
        public SetSignText {
            Objects.requireNonNull(text, "text");
            if (text.isBlank() || text.length() > Limits.MAX_SIGN_TEXT || !Limits.TEXT.matcher(text).matches()) {
                throw new IllegalArgumentException("sign text is 1 to " + Limits.MAX_SIGN_TEXT
                        + " characters of A-Z, 0-9, spaces and !?.:-, got '" + text + "'");
            }
        }
    }

    /** "set bar C to 7". */
    record SetBar(String label, int value) implements Edit {
        public SetBar {
            if (label == null || !label.matches("[A-Z]")) {
                throw new IllegalArgumentException("a bar label is one letter A-Z, got '" + label + "'");
            }
            if (value < 0 || value > Limits.MAX_BAR_VALUE) {
                throw new IllegalArgumentException("bar values run 0 to " + Limits.MAX_BAR_VALUE + ", got " + value);
            }
        }
    }

    /** "set the clock to 3:45". */
    record SetClock(int hour, int minute) implements Edit {
        public SetClock {
            if (hour < 1 || hour > 12 || minute < 0 || minute > 59) {
                throw new IllegalArgumentException("bad time " + hour + ":" + minute
                        + ": hours run 1-12 and minutes 00-59");
            }
        }

        public String time() {
            return hour + ":" + (minute < 10 ? "0" : "") + minute;
        }
    }

    /** "make the background gray". */
    record SetBackground(NamedColor color) implements Edit {
        public SetBackground {
            Objects.requireNonNull(color, "color");
        }
    }

    /** "blur the image", "add noise", "darken the image", ... */
    record Perturb(Perturbation kind) implements Edit {
        public Perturb {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** "add clutter" ({@code add} true) or "remove the clutter". */
    record Clutter(boolean add) implements Edit {
    }

    /** Where {@link MoveBeside} puts its target, relative to the anchor. */
    enum Relation {
        LEFT_OF, RIGHT_OF, ABOVE, BELOW;

        /** "left of", "right of", "above", "below". */
        public String words() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /** Global photometric edits. */
    enum Perturbation {
        BLUR("blur the image"),
        NOISE("add noise"),
        DARKEN("darken the image"),
        BRIGHTEN("brighten the image"),
        LOWER_CONTRAST("lower the contrast"),
        COMPRESS("compress the image"),
        RESTORE("restore the image");

        private final String command;

        Perturbation(String command) {
            this.command = command;
        }

        /** The canonical command. */
        public String command() {
            return command;
        }
    }

    private static void single(ObjectRef ref, String verb) {
        Objects.requireNonNull(ref, "reference");
        if (ref.all()) {
            throw new IllegalArgumentException("'" + ref.words() + "' names several objects; can only " + verb
                    + " one at a time");
        }
    }
}
