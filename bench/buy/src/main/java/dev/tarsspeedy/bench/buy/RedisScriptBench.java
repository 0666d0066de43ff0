package dev.tarsspeedy.bench.buy;

import dev.tarsspeedy.bench.buy.OpenModelDriver.Outcome;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * (a) The physical ceiling of one Redis: the order service's own buy script ({@code buy.lua}, read from the order
 * service's sources, not a copy), called with EVALSHA over a few pipelined connections, one distinct buyer per
 * attempt, exactly as the order service calls it.
 */
final class RedisScriptBench {

    static final Path SCRIPT = Path.of("services/order-service/src/main/resources/redis/buy.lua");
    private static final int CONNECTIONS = 4;
    private static final long HOLD_MILLIS = Duration.ofMinutes(15).toMillis();

    private final RedisClient client;
    private final List<StatefulRedisConnection<String, String>> connections = new ArrayList<>();
    private final String sha;

    RedisScriptBench(Path repository, String redisUri) {
        String script;
        try {
            script = Files.readString(repository.resolve(SCRIPT), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the buy script is read from the order service's sources", e);
        }
        client = RedisClient.create(redisUri);
        for (int i = 0; i < CONNECTIONS; i++) {
            connections.add(client.connect());
        }
        sha = connections.getFirst().sync().scriptLoad(script);
    }

    /** The keys of a drop, in the script's order: sale, stock, buyers, idem, held, stream. */
    static String[] keys(String dropId) {
        String tag = "drop:{" + dropId + "}:";
        return new String[] {tag + "sale", tag + "stock", tag + "buyers", tag + "idem", tag + "held", tag + "stream"};
    }

    Measurement run(Options options, int rate, Duration duration, List<String> userIds) {
        String dropId = UUID.randomUUID().toString();
        String[] keys = keys(dropId);
        RedisCommands<String, String> sync = connections.getFirst().sync();
        long now = System.currentTimeMillis();
        sync.hset(
                keys[0],
                Map.of(
                        "quantity", Integer.toString(options.quantity()),
                        "limit", "1",
                        "opens", Long.toString(now),
                        "closes", Long.toString(now + Duration.ofHours(1).toMillis()),
                        "closed", "0"));
        sync.set(keys[1], Integer.toString(options.quantity()));

        List<RedisAsyncCommands<String, String>> async =
                connections.stream().map(StatefulRedisConnection::async).toList();
        OpenModelDriver.Result result =
                OpenModelDriver.run(rate, duration, Duration.ofSeconds(30), index -> buy(async, keys, userIds, index));

        long stock = Long.parseLong(sync.get(keys[1]));
        long held = sync.hlen(keys[4]);
        long streamed = sync.xlen(keys[5]);
        if (held != streamed) {
            System.out.printf("(a) held %d != stream %d%n", held, streamed);
        }
        return new Measurement(
                Options.Target.A,
                rate,
                result.attempts(),
                result.throughput(),
                result.percentileMillis(50),
                result.percentileMillis(99),
                result.maxMillis(),
                result.accepted(),
                result.refused(),
                result.errors(),
                options.quantity() - stock,
                streamed,
                options.quantity(),
                "");
    }

    private CompletionStage<Outcome> buy(
            List<RedisAsyncCommands<String, String>> async, String[] keys, List<String> userIds, long index) {
        RedisAsyncCommands<String, String> commands = async.get((int) (index % async.size()));
        String user = userIds.get((int) (index % userIds.size()));
        return commands.<List<Object>>evalsha(
                        sha,
                        ScriptOutputType.MULTI,
                        keys,
                        user,
                        "1",
                        UUID.randomUUID().toString(),
                        UUID.randomUUID().toString(),
                        Long.toString(HOLD_MILLIS))
                .thenApply(reply -> switch (String.valueOf(reply.getFirst())) {
                    case "OK" -> Outcome.ACCEPTED;
                    case "SOLD_OUT", "LIMIT", "NOT_OPEN", "CLOSED" -> Outcome.REFUSED;
                    default -> Outcome.ERROR;
                });
    }

    void close() {
        connections.forEach(StatefulRedisConnection::close);
        client.shutdown();
    }
}
