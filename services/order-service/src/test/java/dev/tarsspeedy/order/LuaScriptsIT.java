package dev.tarsspeedy.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.infra.Infrastructure;
import dev.tarsspeedy.infra.junit.RealInfrastructure;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The buy and release scripts against a real Redis: every return code, and a release counts once. */
@RealInfrastructure(Infrastructure.Server.REDIS)
class LuaScriptsIT {

    private static RedisClient client;
    private static StatefulRedisConnection<String, String> connection;
    private static RedisCommands<String, String> redis;
    private static String buy;
    private static String release;

    private String drop;
    private String[] buyKeys;
    private String[] releaseKeys;

    @BeforeAll
    static void connect() throws IOException {
        client = RedisClient.create(Infrastructure.shared().redis().uri());
        connection = client.connect();
        redis = connection.sync();
        buy = redis.scriptLoad(script("buy.lua"));
        release = redis.scriptLoad(script("release.lua"));
    }

    @AfterAll
    static void close() {
        connection.close();
        client.shutdown();
    }

    @BeforeEach
    void newDrop() {
        drop = UUID.randomUUID().toString();
        String prefix = "drop:{" + drop + "}:";
        buyKeys = new String[] {
            prefix + "sale", prefix + "stock", prefix + "buyers", prefix + "idem", prefix + "held", prefix + "stream"
        };
        releaseKeys = new String[] {prefix + "stock", prefix + "buyers", prefix + "held"};
    }

    private void sale(int quantity, int limit, long opensOffsetMillis, long closesOffsetMillis, boolean closed) {
        long now = System.currentTimeMillis();
        redis.hset(
                buyKeys[0],
                Map.of(
                        "quantity", Integer.toString(quantity),
                        "limit", Integer.toString(limit),
                        "opens", Long.toString(now + opensOffsetMillis),
                        "closes", Long.toString(now + closesOffsetMillis),
                        "closed", closed ? "1" : "0"));
        redis.set(buyKeys[1], Integer.toString(quantity));
    }

    private List<Object> buy(String user, int quantity, String key) {
        return redis.evalsha(
                buy,
                ScriptOutputType.MULTI,
                buyKeys,
                user,
                Integer.toString(quantity),
                key,
                UUID.randomUUID().toString(),
                "600000");
    }

    private List<Object> release(String order) {
        return redis.evalsha(release, ScriptOutputType.MULTI, releaseKeys, order);
    }

    @Test
    void okTakesTheStockRecordsTheBuyerTheHoldAndTheStreamEntry() {
        sale(10, 2, -60_000, 3_600_000, false);
        String user = UUID.randomUUID().toString();

        List<Object> reply = buy(user, 2, "k1");

        assertThat(reply.get(0)).isEqualTo("OK");
        String order = (String) reply.get(1);
        assertThat(Long.parseLong((String) reply.get(2))).isGreaterThan(System.currentTimeMillis() + 590_000);
        assertThat(reply.get(3)).isEqualTo("8");
        assertThat(redis.get(buyKeys[1])).isEqualTo("8");
        assertThat(redis.hget(buyKeys[2], user)).isEqualTo("2");
        assertThat(redis.hget(buyKeys[4], order)).isEqualTo(user + "|2");
        assertThat(redis.hget(buyKeys[3], user + ":k1")).startsWith(order + "|");
        assertThat(redis.xlen(buyKeys[5])).isEqualTo(1);
    }

    @Test
    void duplicateAnswersTheFirstReplyAndTakesNothing() {
        sale(10, 5, -60_000, 3_600_000, false);
        String user = UUID.randomUUID().toString();
        List<Object> first = buy(user, 1, "same");

        List<Object> again = buy(user, 1, "same");

        assertThat(again.get(0)).isEqualTo("DUPLICATE");
        assertThat(again.subList(1, 3)).isEqualTo(first.subList(1, 3));
        assertThat(redis.get(buyKeys[1])).isEqualTo("9");
        assertThat(redis.xlen(buyKeys[5])).isEqualTo(1);
    }

    @Test
    void absentWhenTheDropIsNotLoaded() {
        assertThat(buy(UUID.randomUUID().toString(), 1, "k").get(0)).isEqualTo("ABSENT");
        assertThat(redis.exists(buyKeys[1])).isZero();
    }

    @Test
    void notOpenBeforeTheWindow() {
        sale(10, 1, 60_000, 3_600_000, false);
        assertThat(buy(UUID.randomUUID().toString(), 1, "k").get(0)).isEqualTo("NOT_OPEN");
        assertThat(redis.get(buyKeys[1])).isEqualTo("10");
    }

    @Test
    void closedAfterTheWindowAndWhenStopped() {
        sale(10, 1, -7_200_000, -60_000, false);
        assertThat(buy(UUID.randomUUID().toString(), 1, "k").get(0)).isEqualTo("CLOSED");
        sale(10, 1, -60_000, 3_600_000, true);
        assertThat(buy(UUID.randomUUID().toString(), 1, "k").get(0)).isEqualTo("CLOSED");
        assertThat(redis.get(buyKeys[1])).isEqualTo("10");
    }

    @Test
    void limitIsCheckedBeforeTheStockIsTouched() {
        sale(10, 2, -60_000, 3_600_000, false);
        String user = UUID.randomUUID().toString();
        assertThat(buy(user, 2, "a").get(0)).isEqualTo("OK");

        List<Object> reply = buy(user, 1, "b");

        assertThat(reply.get(0)).isEqualTo("LIMIT");
        assertThat(redis.get(buyKeys[1])).isEqualTo("8");
        assertThat(redis.hget(buyKeys[2], user)).isEqualTo("2");
    }

    @Test
    void soldOutNeverGoesNegative() {
        sale(1, 5, -60_000, 3_600_000, false);
        assertThat(buy(UUID.randomUUID().toString(), 1, "a").get(0)).isEqualTo("OK");

        assertThat(buy(UUID.randomUUID().toString(), 1, "b").get(0)).isEqualTo("SOLD_OUT");
        assertThat(buy(UUID.randomUUID().toString(), 2, "c").get(0)).isEqualTo("SOLD_OUT");
        assertThat(redis.get(buyKeys[1])).isEqualTo("0");
    }

    @Test
    void releaseTwiceGivesBackOnce() {
        sale(3, 3, -60_000, 3_600_000, false);
        String user = UUID.randomUUID().toString();
        String order = (String) buy(user, 2, "a").get(1);

        List<Object> first = release(order);
        List<Object> second = release(order);

        assertThat(first).containsExactly(1L, 3L);
        assertThat(second).containsExactly(0L, 3L);
        assertThat(redis.get(buyKeys[1])).isEqualTo("3");
        assertThat(redis.hexists(buyKeys[2], user)).isFalse();
        assertThat(redis.hexists(buyKeys[4], order)).isFalse();
        // The buyer's limit came back with the units; the key's first answer stays (a replay never buys again).
        assertThat(buy(user, 3, "b").get(0)).isEqualTo("OK");
        assertThat(buy(user, 2, "a").get(0)).isEqualTo("DUPLICATE");
    }

    @Test
    void releaseOfAnUnknownReservationGivesNothing() {
        sale(3, 3, -60_000, 3_600_000, false);
        assertThat(release(UUID.randomUUID().toString())).containsExactly(0L, 3L);
    }

    private static String script(String name) throws IOException {
        try (InputStream in = LuaScriptsIT.class.getResourceAsStream("/redis/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
