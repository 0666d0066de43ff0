package dev.tarsspeedy.kafkabroker;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * Starts a single-node KRaft broker (broker and controller in one process) from a {@code server.properties}
 * file: formats the log directory on first use, then runs Kafka's own {@code kafka.Kafka} entry point.
 *
 * <p>The process exits when its standard input reaches end-of-file. The launching JVM keeps the pipe open
 * for as long as it lives, so the broker never outlives it, not even after a {@code kill -9} of the parent.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {}

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: java -jar platform-kafka-broker.jar <server.properties>");
            System.exit(2);
        }
        String config = args[0];
        format(config);
        if (!Boolean.getBoolean("broker.ignoreStdin")) {
            watchParent(System.in);
        }
        kafka.Kafka.main(new String[] {config});
    }

    /** Formats the log directory on first use only: formatted storage keeps its cluster id and its data. */
    private static void format(String config) {
        if (isFormatted(config)) {
            return;
        }
        String clusterId = Uuid.randomUuid().toString();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int status = StorageTool.execute(new String[] {"format", "--standalone", "-t", clusterId, "-c", config}, out);
        if (status != 0) {
            System.err.println("formatting the KRaft storage failed with status " + status);
            System.exit(status);
        }
    }

    private static boolean isFormatted(String config) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(config), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + config, e);
        }
        String logDirs = properties.getProperty("log.dirs", properties.getProperty("log.dir", ""));
        return Arrays.stream(logDirs.split(","))
                .map(String::trim)
                .filter(dir -> !dir.isEmpty())
                .anyMatch(dir -> Files.isRegularFile(Path.of(dir, "meta.properties")));
    }

    private static void watchParent(InputStream stdin) {
        Thread watcher = new Thread(
                () -> {
                    try {
                        byte[] buffer = new byte[256];
                        while (stdin.read(buffer) >= 0) {
                            // The parent writes nothing; we only wait for the pipe to close.
                        }
                    } catch (IOException e) {
                        // A broken pipe means the same as end-of-file: the parent is gone.
                    }
                    System.err.println("parent process gone (stdin closed), shutting the broker down");
                    System.exit(0);
                },
                "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }
}
