package org.auditdm.audit.testing;

/** A deliberately broken target: answers "red" to everything. */
public final class AlwaysRedTarget extends ConstantModel {
    public AlwaysRedTarget() {
        super("test:always-red", "red");
    }
}
