package dev.tarsspeedy.notification;

import dev.tarsspeedy.notification.support.Models;
import dev.tarsspeedy.notification.support.NotificationTestBase;
import dev.tarsspeedy.platform.test.problem.ProblemLanguageContract;
import dev.tarsspeedy.platform.test.problem.ProblemTriggers;
import dev.tarsspeedy.platform.test.problem.ProblemTriggers.Detail;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Every problem type of the notification service (the template preview, the delivery log) in Korean and English. */
class ProblemLanguageIT extends NotificationTestBase implements ProblemLanguageContract {

    @Override
    public ProblemTriggers problemTriggers() {
        return ProblemTriggers.create()
                .trigger(
                        "unknown-template",
                        HttpStatus.NOT_FOUND,
                        Detail.of("unknown-template.detail", "weekly-digest"),
                        () -> client(userToken(UUID.randomUUID()))
                                .post()
                                .uri("/internal/templates/weekly-digest/preview")
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of("locale", "ko", "model", Map.of())))
                .trigger(
                        "invalid-model",
                        HttpStatus.BAD_REQUEST,
                        Detail.of("invalid-model.detail", "price-alert", "kind"),
                        () -> client(userToken(UUID.randomUUID()))
                                .post()
                                .uri("/internal/templates/price-alert/preview")
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of(
                                        "locale",
                                        "en",
                                        "model",
                                        Models.with(Models.priceAlert("PRICE_ABOVE"), "kind", "SOMETIMES"))))
                .trigger(
                        "invalid-page",
                        HttpStatus.BAD_REQUEST,
                        Detail.of("invalid-page.detail", 100),
                        () -> client(adminToken()).get().uri("/api/notifications/deliveries?size=0"))
                .trigger(
                        "invalid-period",
                        HttpStatus.BAD_REQUEST,
                        Detail.of("invalid-period.detail"),
                        () -> client(adminToken())
                                .get()
                                .uri(
                                        "/api/notifications/deliveries?from=2026-12-07T00:00:00Z&to=2026-12-06T00:00:00Z"));
    }
}
