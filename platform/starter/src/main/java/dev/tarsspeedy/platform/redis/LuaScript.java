package dev.tarsspeedy.platform.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.DigestUtils;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * A Redis Lua script read once, with its SHA-1 computed once: the one way services load their scripts.
 *
 * <p>Spring's {@code RedisScript.of(Resource, ...)} asks the resource for its last-modified time on every call (to
 * reload a changed script), under a lock: inside a packaged jar that builds a {@code URL} into the nested jar per
 * call, and every event-loop thread queues on the same monitor. Measured on the buy path (bench/buy, JFR): 7 % of the
 * gateway's CPU went to the rate limiter script's last-modified checks. A script in a jar never changes.
 *
 * @param <T> the script's result type
 */
public record LuaScript<T>(String script, String sha1, Class<T> resultType) implements RedisScript<T> {

    public LuaScript {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(sha1, "sha1");
    }

    /** The script at {@code path} on the class path, e.g. {@code redis/buy.lua}. */
    public static <T> LuaScript<T> fromClasspath(String path, Class<T> resultType) {
        try {
            return of(new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8), resultType);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Redis script " + path + " from the class path", e);
        }
    }

    /** The script whose text is {@code script}. */
    public static <T> LuaScript<T> of(String script, Class<T> resultType) {
        return new LuaScript<>(script, DigestUtils.sha1DigestAsHex(script), resultType);
    }

    @Override
    public String getSha1() {
        return sha1;
    }

    @Override
    public Class<T> getResultType() {
        return resultType;
    }

    @Override
    public String getScriptAsString() {
        return script;
    }

    @Override
    public String toString() {
        return "LuaScript[sha1=" + sha1 + ", resultType=" + (resultType == null ? "none" : resultType.getName()) + "]";
    }
}
