package dev.tarsspeedy.infra.mail;

import dev.tarsspeedy.infra.process.Sleep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A {@link Mailbox} over the mailbox's HTTP API, so tests read mail the same way from a local or external one. */
public final class HttpMailbox implements Mailbox {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int LISTED_IN_FAILURES = 20;
    // One client for all mailboxes: its threads are daemons and it pools connections.
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<MailMessage>> MESSAGES = new TypeReference<>() {};

    private final String baseUrl;

    /** @param baseUrl the mailbox's base URL, {@code http://host:port}, with or without a trailing slash */
    public HttpMailbox(String baseUrl) {
        this.baseUrl = baseUrl.replaceFirst("/+$", "");
    }

    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public List<MailMessage> messages(String address) {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("an address is needed; messages() lists every message");
        }
        return JSON.readValue(
                get("/api/messages?to=" + URLEncoder.encode(address.strip(), StandardCharsets.UTF_8)), MESSAGES);
    }

    @Override
    public List<MailMessage> messages() {
        return JSON.readValue(get("/api/messages"), MESSAGES);
    }

    @Override
    public List<MailMessage> awaitMessages(String address, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<MailMessage> received = messages(address);
            if (received.size() >= count) {
                return received;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError(timeoutReport(address, count, timeout, received));
            }
            Sleep.millis(POLL_INTERVAL.toMillis());
        }
    }

    @Override
    public void clear() {
        send(HttpRequest.newBuilder(uri("/api/messages")).DELETE());
    }

    /** What arrived, and for whom: a typo in the address is the usual reason mail "does not arrive". */
    private String timeoutReport(String address, int count, Duration timeout, List<MailMessage> received) {
        StringBuilder report = new StringBuilder()
                .append("expected ")
                .append(count)
                .append(count == 1 ? " message" : " messages")
                .append(" to ")
                .append(address)
                .append(" within ")
                .append(timeout.toMillis())
                .append(" ms, but ")
                .append(received.size())
                .append(" arrived")
                .append(received.isEmpty() ? "" : ":\n" + describe(received));
        List<MailMessage> all = messages();
        List<MailMessage> others =
                all.stream().filter(m -> !received.contains(m)).toList();
        report.append(others.isEmpty() ? "\nno other mail in " : "\nother mail in ")
                .append(baseUrl)
                .append(others.isEmpty() ? "" : ":\n" + describe(others));
        return report.toString();
    }

    private static String describe(List<MailMessage> messages) {
        String listed = messages.stream()
                .limit(LISTED_IN_FAILURES)
                .map(m -> "  [" + m.id() + "] " + m.receivedAt() + " from " + m.from() + " to " + m.to() + ": "
                        + m.subject())
                .collect(Collectors.joining("\n"));
        int more = messages.size() - LISTED_IN_FAILURES;
        return more > 0 ? listed + "\n  ... and " + more + " more" : listed;
    }

    private String get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
    }

    private String send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(REQUEST_TIMEOUT).build();
        String what = built.method() + " " + built.uri();
        try {
            HttpResponse<String> response =
                    CLIENT.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("mailbox does not answer " + what + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + what, e);
        }
    }

    private URI uri(String pathAndQuery) {
        return URI.create(baseUrl + pathAndQuery);
    }
}
