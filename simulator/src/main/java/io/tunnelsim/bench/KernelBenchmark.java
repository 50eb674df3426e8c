package io.tunnelsim.bench;

import io.tunnelsim.sim.Scheduler;
import java.io.PrintStream;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * The classic hold model for event-set benchmarks: the queue holds N pending events; each
 * step pops the earliest and schedules one new event a random increment later, so the size
 * stays at N. Reports steps per second for the simulator's {@link Scheduler} and, in the same
 * run on the same random increments, for {@code java.util.PriorityQueue} holding the same
 * (time, sequence) keys as objects. Wall-clock timing lives here only, outside the simulation.
 */
public final class KernelBenchmark {
    private KernelBenchmark() {
    }

    /** A (time, sequence) key, ordered like the scheduler's events. */
    private record Key(long time, long seq) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Long.compare(time, o.time);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    /** Mean increment between events: 1 µs of simulated time, exponentially distributed. */
    private static final double MEAN_INCREMENT = 1000.0;

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        run(System.out, rounds);
    }

    public static void run(PrintStream out, int rounds) {
        out.println("Hold model: pop one event, schedule one; events per second (best of " + rounds + " rounds)");
        out.printf(Locale.ROOT, "%12s %18s %22s %8s%n", "pending", "tunnelsim Scheduler", "java.util.PriorityQueue", "ratio");
        for (int n : new int[] {1_000, 100_000, 1_000_000}) {
            long steps = Math.max(8_000_000L, 4L * n);
            // one unmeasured warm-up of each, then rounds in alternating order so that neither
            // side always runs on a colder or hotter JIT/GC state
            priorityQueue(n, steps / 4, -1);
            scheduler(n, steps / 4, -1);
            double best = 0;
            double bestPq = 0;
            for (int r = 0; r < rounds; r++) {
                if ((r & 1) == 0) {
                    bestPq = Math.max(bestPq, priorityQueue(n, steps, r));
                    best = Math.max(best, scheduler(n, steps, r));
                } else {
                    best = Math.max(best, scheduler(n, steps, r));
                    bestPq = Math.max(bestPq, priorityQueue(n, steps, r));
                }
            }
            out.printf(Locale.ROOT, "%12d %18.0f %22.0f %7.2fx%n", n, best, bestPq, best / bestPq);
        }
    }

    private static long increment(SplittableRandom r) {
        return 1 + (long) (-MEAN_INCREMENT * Math.log(1.0 - r.nextDouble()));
    }

    static double scheduler(int n, long steps, int round) {
        Scheduler s = new Scheduler();
        SplittableRandom r = new SplittableRandom(round);
        long[] remaining = {steps};
        Runnable[] hold = new Runnable[1];
        hold[0] = () -> {
            if (--remaining[0] > 0) {
                s.scheduleIn(increment(r), hold[0]);
            }
        };
        for (int i = 0; i < n; i++) {
            s.schedule(increment(r) * (i % 64), hold[0]);
        }
        long t0 = System.nanoTime();
        s.run();
        long t1 = System.nanoTime();
        return s.executedEvents() / ((t1 - t0) / 1e9);
    }

    static double priorityQueue(int n, long steps, int round) {
        PriorityQueue<Key> q = new PriorityQueue<>(n);
        SplittableRandom r = new SplittableRandom(round);
        long seq = 0;
        for (int i = 0; i < n; i++) {
            q.add(new Key(increment(r) * (i % 64), seq++));
        }
        long executed = 0;
        long remaining = steps;
        long t0 = System.nanoTime();
        while (!q.isEmpty()) {
            Key k = q.poll();
            executed++;
            if (--remaining > 0) {
                q.add(new Key(k.time + increment(r), seq++));
            }
        }
        long t1 = System.nanoTime();
        return executed / ((t1 - t0) / 1e9);
    }
}
