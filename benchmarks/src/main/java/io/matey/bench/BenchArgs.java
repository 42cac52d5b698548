package io.matey.bench;

/** Command-line options shared by the benchmarks: {@code --runs N} (default 3, at least 3), {@code --migrations N}. */
public record BenchArgs(int runs, int migrations) {

    public static BenchArgs parse(String[] args, int defaultMigrations) {
        int runs = 3;
        int migrations = defaultMigrations;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--migrations" -> migrations = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (expected --runs N, --migrations N)");
            }
        }
        if (runs < 3) {
            throw new IllegalArgumentException("--runs must be at least 3, got " + runs);
        }
        return new BenchArgs(runs, migrations);
    }
}
