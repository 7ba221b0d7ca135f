package org.auditdm.world.question;

/** Spatial relations between two objects, judged by their centres (y grows downwards). */
public enum Relation {
    LEFT_OF, RIGHT_OF, ABOVE, BELOW;

    /** Whether the relation compares x coordinates (else y). */
    public boolean horizontal() {
        return this == LEFT_OF || this == RIGHT_OF;
    }

    /** The relation that holds with the two objects swapped. */
    public Relation inverse() {
        return switch (this) {
            case LEFT_OF -> RIGHT_OF;
            case RIGHT_OF -> LEFT_OF;
            case ABOVE -> BELOW;
            case BELOW -> ABOVE;
        };
    }
}
