package org.auditdm.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.auditdm.report.QueryCost;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code auditdm cost RUN --price S=0.0025}: what a run's questions cost at given prices. */
@Command(name = "cost", mixinStandardHelpOptions = true,
        description = {"Price the questions an audit asked (its queries.json: every question per model and phase, "
                + "presupposition checks and retries included) and say what they bought: the cost per finding in "
                + "discovery and per valid failure in each auditor's equal-budget measurement.",
                "Prices are per question, in any currency; models without a price count as free. A run against the "
                        + "zoo estimates what the same audit of a paid model would cost."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:priced", "1:an unexpected error",
                "2:bad input (no queries.json, a malformed price, a model the run did not ask)"})
public final class CostCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN", description = "A run directory (or its queries.json).")
    Path run;

    @Option(names = "--price", paramLabel = "NAME=PRICE", required = true,
            description = "Price per question of a model, by the name the run used (S, R1, ...) or its id; "
                    + "repeat the option or separate with commas: --price S=0.0025,R1=0.001")
    List<String> prices;

    @Override
    public Integer call() {
        QueryCost cost = QueryCost.of(QueryCost.read(run), QueryCost.parsePrices(prices));
        spec.commandLine().getOut().print(cost.text());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
