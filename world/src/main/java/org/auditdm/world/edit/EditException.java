package org.auditdm.world.edit;

/** An edit that is well formed but does not fit the scene (no such object, no room, wrong kind). */
public final class EditException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public EditException(String message) {
        super(message);
    }
}
