package dev.tarsspeedy.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tarsspeedy.contracts.notification.EmailRequested;
import dev.tarsspeedy.infra.Infrastructure;
import dev.tarsspeedy.infra.junit.RealInfrastructure;
import dev.tarsspeedy.infra.mail.MailMessage;
import dev.tarsspeedy.notification.delivery.MessageIds;
import dev.tarsspeedy.notification.support.HoldingSmtpProxy;
import dev.tarsspeedy.notification.support.Requests;
import dev.tarsspeedy.notification.support.ServiceProcess;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The packaged service, in a JVM of its own, is killed ({@code kill -9}) in the middle of a batch of 60 requests and
 * started again. Between it and the SMTP server sits a {@link HoldingSmtpProxy}, which lets each test decide where
 * the kill catches the mails in flight, relative to the one moment that matters: the server taking a message (its
 * {@code 250} to the end of the data). docs/email-delivery.md explains both outcomes.
 *
 * <ul>
 *   <li>{@link #killedMidBatchAndRestartedNothingIsLostAndNothingIsSentTwice}: the kill catches mails whose data the
 *       server has all but its end. After the restart every request arrives exactly once.
 *   <li>{@link #killedWhileTheServerHadTakenMailsTheServiceDidNotKnowOfOnlyThoseArriveTwice}: the kill catches mails
 *       the server has taken but whose {@code 250} the service has not read, the one window SMTP leaves open. Those,
 *       and nothing else, arrive twice, both copies with one Message-ID; nothing is lost.
 * </ul>
 *
 * Both kill only once some requests are done and others are in flight, and check that they were, so neither can pass
 * without a kill mid-batch.
 */
@RealInfrastructure({Infrastructure.Server.POSTGRES, Infrastructure.Server.KAFKA, Infrastructure.Server.MAIL})
class CrashRecoveryIT {

    private static final int REQUESTS = 60;
    private static final int SENT_BEFORE_KILL = 10;
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration RECOVERY = Duration.ofSeconds(90);
    /** Slows every send down, so that a kill catches several in their last step rather than one at most. */
    private static final Duration SLOW_REPLY = Duration.ofMillis(400);

    private static final MessageIds MESSAGE_IDS = MessageIds.forSender("TARS & Speedy <no-reply@tars-speedy.dev>");

    @Test
    void killedMidBatchAndRestartedNothingIsLostAndNothingIsSentTwice() throws Exception {
        var mail = Infrastructure.shared().mail();
        try (HoldingSmtpProxy proxy = new HoldingSmtpProxy(mail.smtpHost(), mail.smtpPort(), Duration.ZERO)) {
            Batch batch = new Batch(proxy);
            Map<String, State> atKill;
            try (ServiceProcess first = batch.start("first")) {
                batch.send();
                batch.awaitSent(SENT_BEFORE_KILL);
                proxy.holdEndsOfData();
                // Kill only once sends are held short of their end, and every mail the server took (its 250 relayed)
                // is recorded SENT: no mail is then between the server's 250 and the service's record of it.
                await("sends held before the end of their data, every mail the server took recorded")
                        .atMost(RECOVERY)
                        .pollInterval(Duration.ofMillis(5))
                        .until(() -> !proxy.heldEndsOfData().isEmpty()
                                && proxy.awaitingReply().isEmpty()
                                && count(batch.states(), "SENT") == proxy.relayedReplies());
                first.kill();
                atKill = batch.states();
            }
            // The proxy sees each held client go and drops its end: those messages never end at the server.
            await("held ends dropped")
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> proxy.heldEndsOfData().isEmpty());
            proxy.releaseEndsOfData();
            Set<String> cutOff = batch.keys(proxy.droppedEndsOfData());
            Set<String> inFlight = keys(atKill, "SENDING");
            Set<String> sentAtKill = keys(atKill, "SENT");
            Set<String> mailedAtKill = batch.copiesByKey().keySet();
            System.out.printf(
                    "crash recovery (kill before the end of data): %d of %d sent at the kill, %d in flight, %d of them"
                            + " cut off in their data %s%n",
                    sentAtKill.size(), REQUESTS, inFlight.size(), cutOff.size(), cutOff);

            assertThat(sentAtKill.size())
                    .as("killed mid-batch: some sent, not all")
                    .isBetween(SENT_BEFORE_KILL, REQUESTS - 1);
            assertThat(inFlight).as("requests SENDING at the kill").isNotEmpty();
            assertThat(cutOff)
                    .as("sends killed with all their data but its end at the server")
                    .isNotEmpty()
                    .isSubsetOf(inFlight);
            assertThat(proxy.relayedReplies()).as("mails the server took").isEqualTo(sentAtKill.size());
            assertThat(mailedAtKill)
                    .as("the mailbox at the kill: exactly the requests recorded SENT, none of those cut off")
                    .isEqualTo(sentAtKill);

            try (ServiceProcess second = batch.start("second")) {
                batch.awaitSent(REQUESTS);
            }

            Map<String, Integer> copies = batch.copiesByKey();
            assertThat(copies.keySet())
                    .as("nothing lost: every request arrived")
                    .isEqualTo(batch.keys());
            assertThat(copies)
                    .as("nothing sent twice: every request arrived exactly once")
                    .allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1));
            Map<String, State> after = batch.states();
            assertThat(after.values())
                    .allSatisfy(state -> assertThat(state.state()).isEqualTo("SENT"));
            for (String key : sentAtKill) {
                assertThat(after.get(key).attempts())
                        .as("%s was SENT before the kill: never claimed again", key)
                        .isEqualTo(atKill.get(key).attempts());
            }
            for (String key : inFlight) {
                assertThat(after.get(key).attempts())
                        .as("%s was SENDING at the kill: claimed again after the restart", key)
                        .isGreaterThan(atKill.get(key).attempts());
            }
        }
    }

    @Test
    void killedWhileTheServerHadTakenMailsTheServiceDidNotKnowOfOnlyThoseArriveTwice() throws Exception {
        var mail = Infrastructure.shared().mail();
        try (HoldingSmtpProxy proxy = new HoldingSmtpProxy(mail.smtpHost(), mail.smtpPort(), SLOW_REPLY)) {
            Batch batch = new Batch(proxy);
            Map<String, State> atKill;
            Set<String> frozenAtKill;
            try (ServiceProcess first = batch.start("first")) {
                batch.send();
                batch.awaitSent(SENT_BEFORE_KILL);
                proxy.freezeReplies();
                await("mails the server took while the service has not heard so")
                        .atMost(RECOVERY)
                        .pollInterval(Duration.ofMillis(5))
                        .until(() -> !proxy.frozenReplies().isEmpty());
                first.kill();
                atKill = batch.states();
                frozenAtKill = batch.keys(proxy.frozenReplies());
            }
            proxy.thawReplies();
            Set<String> inFlight = keys(atKill, "SENDING");
            Set<String> sentAtKill = keys(atKill, "SENT");
            // What the server took that the service had not recorded: the frozen answers, and any mail whose answer
            // was still on its way (or read, but not yet recorded) at the kill.
            Set<String> takenUnheard = new HashSet<>(batch.copiesByKey().keySet());
            takenUnheard.removeAll(sentAtKill);
            assertThat(sentAtKill.size())
                    .as("killed mid-batch: some sent, not all")
                    .isBetween(SENT_BEFORE_KILL, REQUESTS - 1);
            assertThat(frozenAtKill)
                    .as("mails the server had taken, their 250 held back at the kill")
                    .isNotEmpty();
            assertThat(takenUnheard)
                    .as("the mails the server had at the kill and the service did not know of")
                    .containsAll(frozenAtKill)
                    .isSubsetOf(inFlight);

            try (ServiceProcess second = batch.start("second")) {
                batch.awaitSent(REQUESTS);
            }

            Map<String, List<MailMessage>> byMessageId = batch.mails();
            Map<String, Integer> copies = batch.copiesByKey();
            Set<String> duplicated = copies.entrySet().stream()
                    .filter(e -> e.getValue() > 1)
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
            System.out.printf(
                    "crash recovery (kill after the server took mails): %d of %d sent at the kill, %d in flight %s,"
                            + " %d taken unheard %s (%d with their 250 held), %d sent twice %s%n",
                    sentAtKill.size(),
                    REQUESTS,
                    inFlight.size(),
                    inFlight,
                    takenUnheard.size(),
                    takenUnheard,
                    frozenAtKill.size(),
                    duplicated.size(),
                    duplicated);

            assertThat(copies.keySet())
                    .as("nothing lost: every request arrived")
                    .isEqualTo(batch.keys());
            assertThat(duplicated)
                    .as("every mail the server had taken unheard arrives twice: the policy resends it")
                    .containsAll(takenUnheard)
                    .as("only requests SENDING at the kill may arrive twice")
                    .isSubsetOf(inFlight);
            assertThat(copies)
                    .as("at most twice, and only once unless in flight at the kill")
                    .allSatisfy((key, count) ->
                            assertThat(count).as(key).isLessThanOrEqualTo(inFlight.contains(key) ? 2 : 1));
            for (String key : sentAtKill) {
                assertThat(copies.get(key))
                        .as("%s was SENT before the kill: never again", key)
                        .isEqualTo(1);
            }
            for (Map.Entry<String, List<MailMessage>> same : byMessageId.entrySet()) {
                MailMessage first = same.getValue().getFirst();
                assertThat(same.getValue())
                        .as("copies of one request are the same mail with the same Message-ID")
                        .allSatisfy(copy -> {
                            assertThat(messageId(copy)).isEqualTo(same.getKey());
                            assertThat(copy.subject()).isEqualTo(first.subject());
                            assertThat(copy.to()).isEqualTo(first.to());
                            assertThat(copy.text()).isEqualTo(first.text());
                        });
            }
            Map<String, State> after = batch.states();
            assertThat(after.values())
                    .allSatisfy(state -> assertThat(state.state()).isEqualTo("SENT"));
            for (String key : inFlight) {
                assertThat(after.get(key).attempts())
                        .as("%s was SENDING at the kill: the policy sends it again (at least once)", key)
                        .isGreaterThan(atKill.get(key).attempts());
            }
        }
    }

    /** One test's requests, on a topic and consumer group of their own, sent through the proxy. */
    private static final class Batch {

        private final String run = UUID.randomUUID().toString().substring(0, 8);
        private final String topic = "test.crash-" + run + ".email-requested.v1";
        private final List<EmailRequested> requests = IntStream.range(0, REQUESTS)
                .mapToObj(i -> Requests.signUpCode(
                        "crash:" + run + ":" + i, i % 2 == 0 ? "ko" : "en", "user" + i + "-" + run + "@example.com"))
                .toList();
        private final Map<String, String> keyByMessageId = requests.stream()
                .collect(Collectors.toMap(r -> MESSAGE_IDS.of(r.idempotencyKey()), EmailRequested::idempotencyKey));
        private final Map<String, String> environment;

        Batch(HoldingSmtpProxy proxy) {
            // The in-JVM service of the other tests must not take part: a topic and group of its own.
            environment = new HashMap<>(ServiceProcess.environment(Map.of(
                    "NOTIFICATION_TOPIC", topic,
                    "NOTIFICATION_GROUP_ID", "crash-" + run,
                    "NOTIFICATION_CONCURRENCY", "4",
                    "NOTIFICATION_TOPIC_PARTITIONS", "4",
                    // A dead instance's claims expire after 8 s (counted from the claim: about when the restarted
                    // instance is up), its partitions move after 6 s (the broker's minimum). The lease is far longer
                    // than a send takes here, even on a slow machine: a second claim of a live send would be a
                    // duplicate the tests rightly refuse.
                    "NOTIFICATION_SEND_TIMEOUT", "6s",
                    "NOTIFICATION_SENDING_LEASE", "8s",
                    "NOTIFICATION_KAFKA_SESSION_TIMEOUT_MS", "6000",
                    "NOTIFICATION_RETRY_MAX_RETRIES", "100",
                    "NOTIFICATION_RETRY_INITIAL_INTERVAL", "100ms",
                    "NOTIFICATION_RETRY_MAX_INTERVAL", "500ms")));
            environment.put("SPRING_MAIL_HOST", proxy.host());
            environment.put("SPRING_MAIL_PORT", Integer.toString(proxy.port()));
        }

        ServiceProcess start(String name) throws Exception {
            return ServiceProcess.start("crash-" + run + "-" + name, environment)
                    .awaitReady(START);
        }

        void send() {
            Requests.sendAll(topic, requests.stream().map(Requests::envelope).toList());
        }

        void awaitSent(int sent) {
            await(sent + " requests SENT")
                    .atMost(RECOVERY)
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> count(states(), "SENT") >= sent);
        }

        Set<String> keys() {
            return Set.copyOf(keyByMessageId.values());
        }

        /** The idempotency keys of these Message-IDs (which must all be this batch's). */
        Set<String> keys(Set<String> messageIds) {
            assertThat(keyByMessageId.keySet())
                    .as("Message-IDs seen by the proxy")
                    .containsAll(messageIds);
            return messageIds.stream().map(keyByMessageId::get).collect(Collectors.toSet());
        }

        /** Every copy the mailbox received of this batch's mail, by Message-ID. */
        Map<String, List<MailMessage>> mails() {
            Map<String, List<MailMessage>> mails = Infrastructure.shared().mail().mailbox().messages().stream()
                    .filter(message -> message.to().stream().anyMatch(to -> to.endsWith("-" + run + "@example.com")))
                    .collect(Collectors.groupingBy(CrashRecoveryIT::messageId));
            assertThat(keyByMessageId.keySet())
                    .as("only this batch's Message-IDs")
                    .containsAll(mails.keySet());
            return mails;
        }

        /** How many copies the mailbox received, by idempotency key. */
        Map<String, Integer> copiesByKey() {
            return mails().entrySet().stream()
                    .collect(Collectors.toMap(
                            e -> keyByMessageId.get(e.getKey()),
                            e -> e.getValue().size()));
        }

        /** The delivery log of this batch, read straight from the database. */
        Map<String, State> states() throws SQLException {
            try (Connection connection = Infrastructure.shared().postgres().connect(ServiceProcess.DATABASE);
                    PreparedStatement query = connection.prepareStatement(
                            "select idempotency_key, state, attempts from email_delivery where idempotency_key like ?")) {
                query.setString(1, "crash:" + run + ":%");
                Map<String, State> states = new HashMap<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        states.put(rows.getString(1), new State(rows.getString(2), rows.getInt(3)));
                    }
                }
                return states;
            }
        }
    }

    private record State(String state, int attempts) {}

    private static String messageId(MailMessage mail) {
        return mail.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Message-ID"))
                .map(e -> e.getValue().getFirst())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Message-ID: " + mail));
    }

    private static long count(Map<String, State> states, String state) {
        return states.values().stream().filter(s -> s.state().equals(state)).count();
    }

    private static Set<String> keys(Map<String, State> states, String state) {
        return states.entrySet().stream()
                .filter(e -> e.getValue().state().equals(state))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }
}
