package org.auditdm.cli;

import picocli.CommandLine.Command;

/** {@code auditdm world ...}: render scenes, edit them, ask the oracle. */
@Command(name = "world", mixinStandardHelpOptions = true,
        description = "The synthetic visual world: render, edit, ask.",
        subcommands = {RenderCommand.class, AskCommand.class, EditCommand.class, CaptionCommand.class})
public final class WorldCommand {
}
