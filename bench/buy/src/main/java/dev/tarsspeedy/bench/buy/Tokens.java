package dev.tarsspeedy.bench.buy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import dev.tarsspeedy.infra.process.Folders;
import dev.tarsspeedy.platform.test.jwt.JwksServer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * The buyers' access tokens, minted before the timed part: each attempt carries a distinct user's valid token signed
 * by a key the services trust, instead of logging in hundreds of thousands of accounts.
 *
 * <p>Signing one RS256 token costs about a millisecond, so the key and the tokens are kept under
 * {@code bench/buy/target/tokens/}, the tokens file named after the key id; a rerun reuses them and mints only what
 * is missing. Tokens are valid for {@link #VALIDITY}; a key older than {@link #KEY_MAX_AGE} is replaced (and its
 * tokens with it). Tokens are minted with {@link JwksServer#token}, the platform's test issuer, and the key is
 * published at {@link #jwksUri()} for the services ({@code PLATFORM_SECURITY_JWKS_URI}).
 */
public final class Tokens implements AutoCloseable {

    static final Duration VALIDITY = Duration.ofDays(7);
    static final Duration KEY_MAX_AGE = Duration.ofDays(6);
    private static final List<String> BUYER = List.of("USER");
    private static final List<String> ADMIN = List.of("USER", "ADMIN");

    private final RSAKey key;
    private final Path tokensFile;
    private final HttpServer jwks;

    private Tokens(RSAKey key, Path tokensFile) {
        this.key = key;
        this.tokensFile = tokensFile;
        String body = new JWKSet(key).toPublicJWKSet().toString();
        try {
            jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jwks.createContext("/.well-known/jwks.json", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        jwks.start();
    }

    /** The kept key (or a new one) and its tokens file, with at least {@code buyers} tokens in it. */
    public static Tokens prepare(Path folder, long buyers) {
        Folders.create(folder);
        RSAKey key = keptKey(folder.resolve("signing-key.json"));
        Tokens tokens = new Tokens(key, folder.resolve("tokens-" + key.getKeyID() + ".txt"));
        tokens.ensure(buyers);
        return tokens;
    }

    public String jwksUri() {
        return "http://127.0.0.1:" + jwks.getAddress().getPort() + "/.well-known/jwks.json";
    }

    /** One line per buyer: {@code userId token}. */
    public Path file() {
        return tokensFile;
    }

    /** A fresh token with the ADMIN role, for the stats endpoint. */
    public String adminToken() {
        return JwksServer.token(key, UUID.randomUUID().toString(), ADMIN, Duration.ofHours(2));
    }

    /** The first {@code count} buyers' user ids, for the targets that take a user id instead of a token. */
    public List<String> userIds(long count) {
        List<String> ids = new ArrayList<>();
        try (var lines = Files.lines(tokensFile, StandardCharsets.US_ASCII)) {
            lines.limit(count).forEach(line -> ids.add(line.substring(0, line.indexOf(' '))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ids;
    }

    /** The first {@code count} buyers' tokens, for the bench's own HTTP driver. */
    public List<String> tokens(long count) {
        List<String> tokens = new ArrayList<>();
        try (var lines = Files.lines(tokensFile, StandardCharsets.US_ASCII)) {
            lines.limit(count).forEach(line -> tokens.add(line.substring(line.indexOf(' ') + 1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    private void ensure(long buyers) {
        long have = lineCount(tokensFile);
        if (have >= buyers) {
            System.out.printf("Tokens: reusing %,d tokens of key %s in %s%n", have, key.getKeyID(), tokensFile);
            return;
        }
        long missing = buyers - have;
        System.out.printf("Tokens: minting %,d RS256 tokens (key %s), in parallel...%n", missing, key.getKeyID());
        long started = System.nanoTime();
        int chunk = 20_000;
        try (BufferedWriter out = Files.newBufferedWriter(
                tokensFile, StandardCharsets.US_ASCII, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            for (long done = 0; done < missing; done += chunk) {
                int size = (int) Math.min(chunk, missing - done);
                List<String> lines = IntStream.range(0, size)
                        .parallel()
                        .mapToObj(i -> {
                            String user = UUID.randomUUID().toString();
                            return user + " " + JwksServer.token(key, user, BUYER, VALIDITY);
                        })
                        .toList();
                for (String line : lines) {
                    out.write(line);
                    out.newLine();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.printf("Tokens: minted %,d in %.1f s%n", missing, (System.nanoTime() - started) / 1e9);
    }

    private static RSAKey keptKey(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                Instant written = Files.getLastModifiedTime(file).toInstant();
                if (written.plus(KEY_MAX_AGE).isAfter(Instant.now())) {
                    return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
                }
            }
            String kid = "bench-"
                    + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
            RSAKey key = JwksServer.newKey(kid);
            Files.writeString(file, key.toJSONString(), StandardCharsets.UTF_8);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException("unreadable kept key " + file + "; delete it", e);
        }
    }

    private static long lineCount(Path file) {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        try (var lines = Files.lines(file, StandardCharsets.US_ASCII)) {
            return lines.filter(line -> !line.isBlank()).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        jwks.stop(0);
    }
}
