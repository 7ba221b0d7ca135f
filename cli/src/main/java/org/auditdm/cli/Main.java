package org.auditdm.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code auditdm} command. */
@Command(name = "auditdm",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Audit vision-language models: find, name and fix the differences that matter.",
        subcommands = {
            WorldCommand.class,
            ZooCommand.class,
            BenchCommand.class,
            ServeCommand.class,
            AuditorCommand.class,
            AuditCommand.class,
            RunCommand.class,
            TypesCommand.class,
            ReportCommand.class,
            DiffCommand.class,
            CostCommand.class,
            RectifyCommand.class,
            ExportCommand.class,
            LoopCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line and returns its exit code; errors are one readable message, not a stack trace. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Throwable e = ex;
            while (e.getCause() != null && !(e instanceof IllegalArgumentException) && !(e instanceof IllegalStateException)) {
                e = e.getCause();
            }
            commandLine.getErr().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            if (Boolean.getBoolean("auditdm.debug")) {
                ex.printStackTrace(commandLine.getErr());
            }
            return e instanceof IllegalArgumentException ? 2 : 1;
        });
        return cl.execute(args);
    }

    /** Version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"auditdm " + (v == null ? "dev" : v)};
        }
    }
}
