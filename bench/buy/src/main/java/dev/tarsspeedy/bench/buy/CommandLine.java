package dev.tarsspeedy.bench.buy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --name value} options of a benchmark's command line, shared by the benchmarks that reuse this module's
 * machinery (bench/market, bench/web): every option takes a value, an unknown one or one without its value is an
 * {@link IllegalArgumentException} naming it.
 */
public final class CommandLine {

    private final Map<String, String> values;

    private CommandLine(Map<String, String> values) {
        this.values = values;
    }

    /** Reads {@code args} as {@code --name value} pairs, each name one of {@code known}. */
    public static CommandLine parse(List<String> args, Set<String> known) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name);
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            values.put(name, args.get(++i));
        }
        return new CommandLine(values);
    }

    public String text(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    public int integer(String name, int otherwise) {
        String value = values.get(name);
        return value == null ? otherwise : Integer.parseInt(value.trim());
    }

    /** {@code 15s}, {@code 2m} or plain seconds. */
    public Duration duration(String name, Duration otherwise) {
        String value = values.get(name);
        return value == null ? otherwise : Options.duration(value);
    }
}
