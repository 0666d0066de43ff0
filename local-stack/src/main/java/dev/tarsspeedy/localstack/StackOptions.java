package dev.tarsspeedy.localstack;

import java.nio.file.Path;

/** Command-line options of the local stack. */
record StackOptions(Path home, boolean fresh, boolean freePorts, boolean help) {

    static final String USAGE = """
            usage: ./stack [--fresh] [--home DIR] [--free-ports]

              --fresh        start from empty data (removes the databases, Kafka topics and logs)
              --home DIR     where data and logs live (default: .local-stack in the repository)
              --free-ports   free ports instead of the documented ones (for tests beside a running stack)
              --help         this text""";

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
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        return new StackOptions(home, fresh, freePorts, help);
    }
}
