package dev.tarsspeedy.infra.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.infra.Infrastructure.Server;
import dev.tarsspeedy.infra.junit.RealInfrastructure;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@RealInfrastructure(Server.REDIS)
class RedisServerIT {

    /** Takes one unit if any is left and the buyer has not bought yet: the shape of the drop's buy script. */
    private static final String TAKE_ONE = """
            if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 then return -2 end
            local left = tonumber(redis.call('GET', KEYS[1]) or '0')
            if left <= 0 then return -1 end
            redis.call('DECR', KEYS[1])
            redis.call('SADD', KEYS[2], ARGV[1])
            return left - 1
            """;

    private static RedisClient client;
    private static StatefulRedisConnection<String, String> connection;

    @BeforeAll
    static void connect(RedisServer redis) {
        client = RedisClient.create(redis.uri());
        connection = client.connect();
    }

    @AfterAll
    static void disconnect() {
        connection.close();
        client.shutdown();
    }

    @Test
    void runsLuaScriptsAtomically() {
        RedisCommands<String, String> redis = connection.sync();
        // Keys of this run alone, so the test also runs again and again against an external server.
        String drop = UUID.randomUUID().toString();
        String[] keys = {"drop:{" + drop + "}:stock", "drop:{" + drop + "}:buyers"};
        assertThat(redis.exists(keys)).isZero();
        try {
            redis.set(keys[0], "2");

            Long first = redis.eval(TAKE_ONE, ScriptOutputType.INTEGER, keys, "alice");
            Long again = redis.eval(TAKE_ONE, ScriptOutputType.INTEGER, keys, "alice");
            Long second = redis.eval(TAKE_ONE, ScriptOutputType.INTEGER, keys, "bob");
            Long soldOut = redis.eval(TAKE_ONE, ScriptOutputType.INTEGER, keys, "carol");

            assertThat(first).isEqualTo(1L);
            assertThat(again).isEqualTo(-2L);
            assertThat(second).isEqualTo(0L);
            assertThat(soldOut).isEqualTo(-1L);
            assertThat(redis.get(keys[0])).isEqualTo("0");
            assertThat(redis.smembers(keys[1])).containsExactlyInAnyOrder("alice", "bob");
        } finally {
            redis.del(keys);
        }
    }

    @Test
    void cachesScriptsBySha() {
        RedisCommands<String, String> redis = connection.sync();
        String sha = redis.scriptLoad("return ARGV[1] .. '!'");
        assertThat((String) redis.evalsha(sha, ScriptOutputType.VALUE, new String[0], "안녕"))
                .isEqualTo("안녕!");
    }
}
