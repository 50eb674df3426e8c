package io.tunnelsim.cli;

import io.tunnelsim.bench.EspBenchmark;
import io.tunnelsim.bench.KernelBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tunnelsim bench kernel|esp}: the documented benchmarks (wall-clock, outside any simulation). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run a benchmark: kernel (event queue hold model vs java.util.PriorityQueue), esp (ESP seal/open vs bare cipher).")
final class BenchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "WHICH", description = "kernel or esp")
    String which;

    @Option(names = "--rounds", description = "Rounds (kernel) or seconds (esp); default 5.")
    int rounds = 5;

    @Override
    public Integer call() throws Exception {
        switch (which) {
            case "kernel" -> KernelBenchmark.run(System.out, rounds);
            case "esp" -> EspBenchmark.run(System.out, rounds);
            default -> throw new BadInputException("unknown benchmark '" + which + "' (kernel or esp)");
        }
        return 0;
    }
}
