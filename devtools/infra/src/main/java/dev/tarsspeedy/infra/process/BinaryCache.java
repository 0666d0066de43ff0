package dev.tarsspeedy.infra.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Copies files shipped inside jars (a redis-server binary, the Kafka broker jar) to a per-user cache folder so
 * they can be executed. Files are keyed by content hash: a new version never collides with an old one, and
 * concurrent JVMs never see a half-written file.
 *
 * <p>The folder is {@code INFRA_CACHE} (or system property {@code infra.cache}), by default
 * {@code ~/.cache/tars-speedy}.
 */
public final class BinaryCache {

    private BinaryCache() {}

    public static Path directory() {
        String configured = System.getProperty("infra.cache", System.getenv("INFRA_CACHE"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "tars-speedy");
    }

    /** The resource as a file in the cache, copied there on first use. */
    public static Path extract(Class<?> anchor, String resource, String fileName, boolean executable) {
        byte[] content;
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the class path");
            }
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path target = directory().resolve(sha256(content).substring(0, 16)).resolve(fileName);
        if (Files.isRegularFile(target)) {
            return target;
        }
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), fileName, ".part");
            Files.write(temp, content);
            if (executable) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
