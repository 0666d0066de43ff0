package dev.tarsspeedy.order.sale.persistence;

import dev.tarsspeedy.order.DropId;
import dev.tarsspeedy.order.OrderId;
import dev.tarsspeedy.order.UserId;
import dev.tarsspeedy.order.sale.BuyOutcome;
import dev.tarsspeedy.order.sale.Drop;
import dev.tarsspeedy.order.sale.Hold;
import dev.tarsspeedy.order.sale.LoadResult;
import dev.tarsspeedy.order.sale.SaleSnapshot;
import dev.tarsspeedy.order.sale.SaleStore;
import dev.tarsspeedy.order.sale.SoldOutFlags;
import dev.tarsspeedy.platform.redis.LuaScript;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The sale state in Redis through the Lua scripts under {@code redis/}. Each script is sent once and then called by
 * its SHA ({@code EVALSHA}; Spring falls back to {@code EVAL} when Redis forgot it, after a restart or a flush).
 */
@Component
class RedisSaleStore implements SaleStore {

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> BUY = LuaScript.fromClasspath("redis/buy.lua", List.class);

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> RELEASE = LuaScript.fromClasspath("redis/release.lua", List.class);

    private static final RedisScript<String> LOAD = LuaScript.fromClasspath("redis/load.lua", String.class);
    private static final RedisScript<Long> REBUILD = LuaScript.fromClasspath("redis/rebuild.lua", Long.class);
    private static final RedisScript<Long> ADOPT = LuaScript.fromClasspath("redis/adopt.lua", Long.class);
    private static final RedisScript<Long> CORRECT = LuaScript.fromClasspath("redis/correct.lua", Long.class);

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> SNAPSHOT = LuaScript.fromClasspath("redis/snapshot.lua", List.class);

    private final ReactiveStringRedisTemplate redis;
    private final SoldOutFlags soldOut;

    RedisSaleStore(ReactiveStringRedisTemplate redis, SoldOutFlags soldOut) {
        this.redis = redis;
        this.soldOut = soldOut;
    }

    @Override
    public Mono<BuyOutcome> buy(
            DropId drop,
            UserId user,
            int quantity,
            String idempotencyKey,
            OrderId orderId,
            Duration hold,
            BuyerContact contact) {
        return list(redis.execute(
                        BUY,
                        DropKeys.of(drop).forBuy(),
                        List.of(
                                user.toString(),
                                Integer.toString(quantity),
                                idempotencyKey,
                                orderId.toString(),
                                Long.toString(hold.toMillis()),
                                contact.email() == null ? "" : contact.email(),
                                contact.locale())))
                .map(RedisSaleStore::outcome);
    }

    private static BuyOutcome outcome(List<Object> reply) {
        BuyOutcome.Code code = BuyOutcome.Code.valueOf(text(reply.get(0)));
        String order = text(reply.get(1));
        long expiresAt = Long.parseLong(text(reply.get(2)));
        return new BuyOutcome(
                code,
                order.isEmpty() ? null : OrderId.parse(order),
                expiresAt == 0 ? null : Instant.ofEpochMilli(expiresAt),
                (int) Long.parseLong(text(reply.get(3))));
    }

    @Override
    public Mono<Boolean> release(DropId drop, OrderId order) {
        return list(redis.execute(RELEASE, DropKeys.of(drop).forRelease(), List.of(order.toString())))
                .map(reply -> Long.parseLong(text(reply.get(0))) == 1)
                .doOnNext(released -> {
                    if (released) {
                        soldOut.clear(drop);
                    }
                });
    }

    @Override
    public Mono<LoadResult> load(Drop drop, boolean beforeOpening) {
        List<String> args = new ArrayList<>(terms(drop));
        args.add(beforeOpening ? "1" : "0");
        return redis.execute(LOAD, DropKeys.of(drop.id()).forLoad(), args)
                .next()
                .map(LoadResult::valueOf);
    }

    private static List<String> terms(Drop drop) {
        return List.of(
                Long.toString(drop.revision()),
                Integer.toString(drop.quantity()),
                Integer.toString(drop.perUserLimit()),
                Long.toString(drop.opensAt().toEpochMilli()),
                Long.toString(drop.closesAt().toEpochMilli()),
                drop.closedAt() == null ? "0" : "1");
    }

    @Override
    public Mono<Boolean> present(DropId drop) {
        return redis.hasKey(DropKeys.of(drop).sale());
    }

    @Override
    public Mono<Integer> stock(DropId drop) {
        DropKeys keys = DropKeys.of(drop);
        // The sale hash decides whether the drop is loaded; a stock key alone (being rebuilt) does not count.
        return redis.hasKey(keys.sale())
                .filter(Boolean::booleanValue)
                .flatMap(present -> redis.opsForValue().get(keys.stock()))
                .map(Integer::parseInt);
    }

    @Override
    public Mono<SaleSnapshot> snapshot(DropId drop) {
        DropKeys keys = DropKeys.of(drop);
        return list(redis.execute(SNAPSHOT, List.of(keys.sale(), keys.stock(), keys.held(), keys.stream()), List.of()))
                .filter(reply -> !reply.isEmpty())
                .map(reply -> {
                    List<Hold> holds = new ArrayList<>();
                    for (int i = 3; i + 1 < reply.size(); i += 2) {
                        holds.add(hold(text(reply.get(i)), text(reply.get(i + 1))));
                    }
                    return new SaleSnapshot(
                            Integer.parseInt(text(reply.get(0))),
                            Integer.parseInt(text(reply.get(1))),
                            holds,
                            Long.parseLong(text(reply.get(2))));
                });
    }

    private static Hold hold(String orderId, String entry) {
        int separator = entry.indexOf('|');
        return new Hold(
                OrderId.parse(orderId),
                UserId.parse(entry.substring(0, separator)),
                Integer.parseInt(entry.substring(separator + 1)));
    }

    @Override
    public Mono<Boolean> rebuild(Drop drop, int stock, List<Hold> holds, Map<String, String> replays) {
        List<String> args = new ArrayList<>(terms(drop));
        args.add(Integer.toString(Math.max(0, stock)));
        args.add(Integer.toString(holds.size()));
        for (Hold hold : holds) {
            args.add(hold.orderId().toString());
            args.add(hold.userId().toString());
            args.add(Integer.toString(hold.quantity()));
        }
        args.add(Integer.toString(replays.size()));
        replays.forEach((key, value) -> {
            args.add(key);
            args.add(value);
        });
        return redis.execute(REBUILD, DropKeys.of(drop.id()).forLoad(), args)
                .next()
                .map(rebuilt -> rebuilt == 1L);
    }

    @Override
    public Mono<Boolean> adopt(DropId drop, Hold hold) {
        return redis.execute(
                        ADOPT,
                        DropKeys.of(drop).forRelease(),
                        List.of(hold.orderId().toString(), hold.userId().toString(), Integer.toString(hold.quantity())))
                .next()
                .map(adopted -> adopted == 1L);
    }

    @Override
    public Mono<Integer> correctStock(DropId drop) {
        DropKeys keys = DropKeys.of(drop);
        return redis.execute(CORRECT, List.of(keys.sale(), keys.stock(), keys.held()), List.of())
                .next()
                .map(Long::intValue);
    }

    @Override
    public Mono<PendingReservation> reservation(DropId drop, OrderId order, UserId user) {
        return reservation(drop, order, hold -> hold.userId().equals(user));
    }

    @Override
    public Mono<PendingReservation> reservation(DropId drop, OrderId order) {
        return reservation(drop, order, hold -> true);
    }

    private Mono<PendingReservation> reservation(DropId drop, OrderId order, java.util.function.Predicate<Hold> whose) {
        DropKeys keys = DropKeys.of(drop);
        String prefix = order + "|";
        return redis.<String, String>opsForHash()
                .get(keys.held(), order.toString())
                .map(entry -> hold(order.toString(), entry))
                .filter(whose)
                .flatMap(hold -> redis.<String, String>opsForHash()
                        .scan(
                                keys.idem(),
                                ScanOptions.scanOptions()
                                        .match(hold.userId() + ":*")
                                        .count(100)
                                        .build())
                        .map(Map.Entry::getValue)
                        .filter(value -> value.startsWith(prefix))
                        .next()
                        .map(value -> {
                            String[] parts = value.split("\\|");
                            return new PendingReservation(
                                    drop,
                                    order,
                                    hold.userId(),
                                    hold.quantity(),
                                    Instant.ofEpochMilli(Long.parseLong(parts[1])));
                        }));
    }

    /** A script's array reply, whether Redis hands it over as one list or element by element. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Mono<List<Object>> list(Flux<List> reply) {
        return ((Flux<Object>) (Flux) reply).collectList().map(items -> {
            if (items.size() == 1 && items.getFirst() instanceof List<?> nested) {
                return (List<Object>) nested;
            }
            return items;
        });
    }

    private static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
        return String.valueOf(value);
    }
}
