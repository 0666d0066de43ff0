package dev.tarsspeedy.localstack;

import java.nio.file.Path;

/** Command-line options of the local stack, and of the {@code stack} script that builds and runs it. */
record StackOptions(Path home, boolean fresh, boolean freePorts, boolean help) {

    static final String USAGE = """
            usage: ./stack [--fresh] [--home DIR] [--skip-build] [--free-ports] [--help]

              --fresh        start from empty data (removes the databases, Kafka topics and logs)
              --home DIR     where data and logs live (default: .local-stack in the repository)
              --skip-build   start the jars as they are, without building first
              --free-ports   free ports instead of the documented ones (for tests beside a running stack)
              --help, -h     this text""";

    static StackOptions parse(String[] args) {
        Path home = Path.of(".local-stack");
        boolean fresh = false;
        boolean freePorts = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--fresh" -> fresh = true;
                case "--home" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--home needs a folder\n" + USAGE);
                    }
                    home = Path.of(args[++i]);
                }
                case "--free-ports" -> freePorts = true;
                // The script builds unless told not to; this launcher never builds, so here it changes nothing.
                case "--skip-build" -> {}
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        return new StackOptions(home, fresh, freePorts, help);
    }
}
