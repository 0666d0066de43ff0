package dev.tarsspeedy.catalog.reminder;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends the {@code drop-reminder} email for wishlist entries whose drop opens within the lead time, once per entry.
 *
 * <p>Once is kept by the database, not by the job's lock: in one transaction the due entries are locked
 * ({@code FOR UPDATE SKIP LOCKED}), each is marked by a conditional update ({@code ... where reminded_at is null}) and
 * only an entry this transaction marked gets its reminder email appended to the outbox. Concurrent runs (two
 * instances, a lock that expired) therefore never send an entry twice.
 */
@Service
public class ReminderService {

    public static final String TEMPLATE = "drop-reminder";
    /** Speedy sells in Korea: the opening time in the email is Korean time (with its offset, ISO-8601). */
    static final ZoneId SHOP_ZONE = ZoneId.of("Asia/Seoul");

    private final ReminderRepository reminders;
    private final ReminderEmails emails;
    private final TransactionalOperator transaction;
    private final Clock clock;
    private final ReminderSettings settings;
    private final String publicBaseUrl;

    public ReminderService(
            ReminderRepository reminders,
            ReminderEmails emails,
            TransactionalOperator transaction,
            Clock clock,
            ReminderSettings settings) {
        this.reminders = reminders;
        this.emails = emails;
        this.transaction = transaction;
        this.clock = clock;
        this.settings = settings;
        this.publicBaseUrl = settings.publicBaseUrl().toString();
    }

    /**
     * Sends every due reminder, a batch per transaction, until none is due.
     *
     * @return how many reminders this call sent
     */
    public Mono<Long> sendDue() {
        return batch().expand(sent -> sent == settings.batchSize() ? batch() : Mono.empty())
                .reduce(0L, Long::sum);
    }

    private Mono<Long> batch() {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            Instant until = now.plus(settings.leadTime());
            Flux<DueReminder> sent = reminders
                    .lockDue(now, until, settings.batchSize())
                    .concatMap(due -> reminders
                            .markReminded(due.userId(), due.dropId(), now)
                            .filter(Boolean::booleanValue)
                            .flatMap(marked -> emails.request(email(due)).thenReturn(due)));
            return transaction.transactional(sent.count());
        });
    }

    /**
     * Turns the reminder of one wishlist entry off (RFC 8058 one-click: no further step); idempotent.
     *
     * @return fails with {@link UnknownUnsubscribeTokenException}
     */
    public Mono<Void> unsubscribe(String token) {
        return Mono.defer(() -> reminders.unsubscribe(token, clock.instant()))
                .flatMap(found -> found ? Mono.<Void>empty() : Mono.error(new UnknownUnsubscribeTokenException()));
    }

    ReminderEmails.ReminderEmail email(DueReminder due) {
        return new ReminderEmails.ReminderEmail(
                "catalog:drop-reminder:" + due.dropId() + ":" + due.userId(),
                due.email(),
                due.locale(),
                Map.of(
                        "product", due.productName(),
                        "opensAt",
                                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                                        due.opensAt().atZone(SHOP_ZONE)),
                        "dropUrl", publicBaseUrl + "/drops/" + due.dropId()),
                publicBaseUrl + "/api/wishlist/reminders/" + due.unsubscribeToken() + "/unsubscribe");
    }
}
