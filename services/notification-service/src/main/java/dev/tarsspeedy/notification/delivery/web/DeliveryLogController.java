package dev.tarsspeedy.notification.delivery.web;

import dev.tarsspeedy.notification.delivery.DeliveryLog;
import dev.tarsspeedy.notification.delivery.DeliveryRecord;
import dev.tarsspeedy.notification.delivery.DeliverySearch;
import dev.tarsspeedy.notification.delivery.DeliveryState;
import dev.tarsspeedy.notification.delivery.InvalidSearchException;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The operators' email delivery log: what was asked for, to whom, and where it stands. Role {@code ADMIN} only
 * ({@code platform.security.admin-paths}); the gateway routes it.
 */
@RestController
class DeliveryLogController {

    record DeliveryResponse(
            String idempotencyKey,
            String template,
            String recipient,
            String locale,
            String category,
            String status,
            int attempts,
            String messageId,
            String lastError,
            Instant receivedAt,
            Instant sentAt,
            Instant updatedAt) {

        static DeliveryResponse of(DeliveryRecord record) {
            return new DeliveryResponse(
                    record.idempotencyKey(),
                    record.template(),
                    record.recipient(),
                    record.locale(),
                    record.category(),
                    record.state().name(),
                    record.attempts(),
                    record.messageId(),
                    record.lastError(),
                    record.receivedAt(),
                    record.sentAt(),
                    record.updatedAt());
        }
    }

    record DeliveryPageResponse(List<DeliveryResponse> items, int page, int size, long total) {}

    private final DeliveryLog log;

    DeliveryLogController(DeliveryLog log) {
        this.log = log;
    }

    /**
     * Newest received first. {@code status} is one of the states, {@code from} and {@code to} ISO-8601 instants (from
     * inclusive, to exclusive); a value of the wrong kind is the platform's 400, a page out of range or a period that
     * ends before it starts a 400 of ours.
     */
    @GetMapping("/api/notifications/deliveries")
    Mono<DeliveryPageResponse> deliveries(
            @RequestParam(required = false) String recipient,
            @RequestParam(required = false) String template,
            @RequestParam(required = false) DeliveryState status,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        DeliverySearch search;
        try {
            search = new DeliverySearch(recipient, template, status, from, to, page, size);
        } catch (InvalidSearchException invalid) {
            throw DeliveryLogProblems.of(invalid);
        }
        return log.search(search)
                .map(found -> new DeliveryPageResponse(
                        found.items().stream().map(DeliveryResponse::of).toList(),
                        found.page(),
                        found.size(),
                        found.total()));
    }
}
