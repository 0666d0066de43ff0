package dev.tarsspeedy.catalog.reminder;

import static dev.tarsspeedy.platform.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.catalog.support.CatalogTestBase;
import dev.tarsspeedy.contracts.notification.EmailRequested;
import dev.tarsspeedy.platform.scheduling.ScheduledJobs;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Wishlisted drops opening within the lead time get one {@code drop-reminder} email per entry, however often and
 * however concurrently the job runs; the email's one-click link turns the reminder off.
 */
class ReminderIT extends CatalogTestBase {

    @Autowired
    ReminderService reminders;

    @Autowired
    ReminderJob job;

    @Autowired
    ScheduledJobs jobs;

    @Test
    @SuppressWarnings("unchecked")
    void oneReminderPerEntryEvenWhenTheJobRunsTwiceAndConcurrently() throws Exception {
        Map<String, Object> drop = newDrop(Duration.ofMinutes(30));
        Shopper korean = newShopper();
        Shopper english = newShopper();
        wishlist(korean, drop.get("id"), "ko");
        wishlist(english, drop.get("id"), "en-US");

        reminders.sendDue().block();
        assertThat(emailsTo(korean.email()))
                .as("not due yet: opens in 30 minutes")
                .isEmpty();

        clock.advance(Duration.ofMinutes(25)); // now 5 minutes before the opening, within the 10-minute lead time
        runConcurrently(
                () -> reminders.sendDue().block(),
                () -> reminders.sendDue().block(),
                () -> {
                    jobs.runNow(job);
                    return 0L;
                },
                () -> {
                    jobs.runNow(job);
                    return 0L;
                });
        reminders.sendDue().block();
        assertThat(jobs.runNow(job)).isEqualTo(ScheduledJobs.Outcome.SUCCESS);

        List<EmailRequested> toKorean = emailsTo(korean.email());
        List<EmailRequested> toEnglish = emailsTo(english.email());
        assertThat(toKorean).hasSize(1);
        assertThat(toEnglish).hasSize(1);
        EmailRequested email = toKorean.getFirst();
        Map<String, Object> product = (Map<String, Object>) drop.get("product");
        assertThat(email.template()).isEqualTo("drop-reminder");
        assertThat(email.idempotencyKey()).isEqualTo("catalog:drop-reminder:" + drop.get("id") + ":" + korean.id());
        assertThat(email.locale()).isEqualTo("ko");
        assertThat(email.category()).isEqualTo(EmailRequested.Category.BULK);
        assertThat(email.model())
                .containsEntry("product", product.get("name"))
                .containsEntry("dropUrl", "https://speedy.test/drops/" + drop.get("id"));
        assertThat(OffsetDateTime.parse((String) email.model().get("opensAt")).toInstant())
                .isEqualTo(Instant.parse((String) drop.get("opensAt")));
        assertThat(email.unsubscribeUrl())
                .matches("https://speedy\\.test/api/wishlist/reminders/[A-Za-z0-9_-]{43}/unsubscribe");
        assertThat(toEnglish.getFirst().locale()).isEqualTo("en");
        assertThat(count("select count(*) from wishlist_entry where drop_id = '" + drop.get("id")
                        + "' and reminded_at is null"))
                .isZero();
    }

    @Test
    void oneClickUnsubscribeTurnsTheReminderOff() {
        Map<String, Object> first = newDrop(Duration.ofMinutes(30));
        Map<String, Object> second = newDrop(Duration.ofMinutes(31));
        Shopper shopper = newShopper();
        wishlist(shopper, first.get("id"), "en");
        clock.advance(Duration.ofMinutes(25));
        reminders.sendDue().block();
        List<EmailRequested> sent = emailsTo(shopper.email());
        assertThat(sent).hasSize(1);
        String link = sent.getFirst().unsubscribeUrl().replace("https://speedy.test", "");

        wishlist(shopper, second.get("id"), "en");
        // The second entry has a link of its own; the first link turns off the first entry only.
        for (int i = 0; i < 2; i++) {
            client().post()
                    .uri(link)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(BodyInserters.fromFormData("List-Unsubscribe", "One-Click"))
                    .exchange()
                    .expectStatus()
                    .isNoContent();
        }
        String secondToken = database.sql(
                        "select unsubscribe_token from wishlist_entry where user_id = :user" + " and drop_id = :drop")
                .bind("user", shopper.id())
                .bind("drop", UUID.fromString((String) second.get("id")))
                .map(row -> row.get(0, String.class))
                .one()
                .block();
        client().post()
                .uri("/api/wishlist/reminders/" + secondToken + "/unsubscribe")
                .exchange()
                .expectStatus()
                .isNoContent();
        reminders.sendDue().block();

        assertThat(emailsTo(shopper.email())).hasSize(1);
        assertThat(count("select count(*) from wishlist_entry where user_id = '" + shopper.id()
                        + "' and reminders_off_at is not null"))
                .isEqualTo(2);
    }

    @Test
    void unknownUnsubscribeLinkIsNotFound() {
        assertProblem(
                client().post()
                        .uri("/api/wishlist/reminders/no-such-token/unsubscribe")
                        .exchange(),
                HttpStatus.NOT_FOUND,
                "unsubscribe-link-unknown");
    }

    @Test
    void closedDropsAndRemovedEntriesAreNotReminded() {
        Map<String, Object> closed = newDrop(Duration.ofMinutes(30));
        Map<String, Object> removed = newDrop(Duration.ofMinutes(30));
        Shopper shopper = newShopper();
        wishlist(shopper, closed.get("id"), "en");
        wishlist(shopper, removed.get("id"), "en");
        post("/api/admin/drops/" + closed.get("id") + "/close", Map.of(), adminToken())
                .expectStatus()
                .isOk();
        client().delete()
                .uri("/api/wishlist/" + removed.get("id"))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + shopper.token())
                .exchange()
                .expectStatus()
                .isNoContent();
        clock.advance(Duration.ofMinutes(25));

        reminders.sendDue().block();

        assertThat(emailsTo(shopper.email())).isEmpty();
    }

    private void wishlist(Shopper shopper, Object dropId, String language) {
        client().put()
                .uri("/api/wishlist/" + dropId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + shopper.token())
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .exchange()
                .expectStatus()
                .isNoContent();
    }

    @SafeVarargs
    private static void runConcurrently(Callable<Long>... tasks) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(tasks.length);
        try {
            CyclicBarrier start = new CyclicBarrier(tasks.length);
            List<Future<Long>> running = java.util.Arrays.stream(tasks)
                    .map(task -> executor.submit(() -> {
                        start.await();
                        return task.call();
                    }))
                    .toList();
            for (Future<Long> future : running) {
                future.get();
            }
        } finally {
            executor.shutdownNow();
        }
    }
}
