package dev.tarsspeedy.alert.pricealert.web;

import dev.tarsspeedy.alert.AlertId;
import dev.tarsspeedy.alert.UserId;
import dev.tarsspeedy.alert.pricealert.AlertDraft;
import dev.tarsspeedy.alert.pricealert.AlertPatch;
import dev.tarsspeedy.alert.pricealert.PriceAlertService;
import dev.tarsspeedy.alert.pricealert.PriceAlertSettings;
import dev.tarsspeedy.alert.pricealert.Violation;
import dev.tarsspeedy.alert.pricealert.web.AlertRequests.CreateAlert;
import dev.tarsspeedy.alert.pricealert.web.AlertRequests.PatchAlert;
import dev.tarsspeedy.alert.pricealert.web.AlertResponses.AlertList;
import dev.tarsspeedy.alert.pricealert.web.AlertResponses.AlertResponse;
import dev.tarsspeedy.alert.pricealert.web.AlertResponses.HistoryResponse;
import dev.tarsspeedy.platform.caller.Caller;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The signed-in user's price alerts: {@code /api/alerts}, and what fired: {@code /api/alerts/events}. */
@RestController
class PriceAlertController {

    private final PriceAlertService alerts;
    private final int maxPageSize;

    PriceAlertController(PriceAlertService alerts, PriceAlertSettings settings) {
        this.alerts = alerts;
        this.maxPageSize = settings.maxPageSize();
    }

    @PostMapping("/api/alerts")
    Mono<ResponseEntity<AlertResponse>> create(@RequestBody CreateAlert request, Caller caller) {
        return Mono.defer(() -> alerts.create(
                        new UserId(caller.id()),
                        caller.email(),
                        caller.language().tag(),
                        caller.zoneOrDefault(),
                        new AlertDraft(
                                request.symbol(),
                                request.kind(),
                                request.price(),
                                request.percent(),
                                request.direction(),
                                request.mode(),
                                request.cooldown(),
                                request.hysteresisPercent(),
                                request.expiresAt(),
                                request.regularHoursOnly(),
                                request.zone())))
                .map(alert -> ResponseEntity.created(URI.create("/api/alerts/" + alert.id()))
                        .body(AlertResponse.of(alert, alerts.now())))
                .onErrorMap(PriceAlertProblems::translate);
    }

    @GetMapping("/api/alerts")
    Mono<AlertList> list(Caller caller) {
        return Mono.defer(() -> alerts.list(new UserId(caller.id())))
                .map(found -> new AlertList(found.stream()
                        .map(alert -> AlertResponse.of(alert, alerts.now()))
                        .toList()));
    }

    @GetMapping("/api/alerts/{id}")
    Mono<AlertResponse> get(@PathVariable UUID id, Caller caller) {
        return Mono.defer(() -> alerts.get(new UserId(caller.id()), new AlertId(id)))
                .map(alert -> AlertResponse.of(alert, alerts.now()))
                .onErrorMap(PriceAlertProblems::translate);
    }

    @PatchMapping("/api/alerts/{id}")
    Mono<AlertResponse> patch(@PathVariable UUID id, @RequestBody PatchAlert request, Caller caller) {
        return Mono.defer(() -> alerts.patch(
                        new UserId(caller.id()),
                        new AlertId(id),
                        new AlertPatch(
                                request.kind(),
                                request.price(),
                                request.percent(),
                                request.direction(),
                                request.mode(),
                                request.cooldown(),
                                request.hysteresisPercent(),
                                request.expiresAt(),
                                request.regularHoursOnly(),
                                request.zone())))
                .map(alert -> AlertResponse.of(alert, alerts.now()))
                .onErrorMap(PriceAlertProblems::translate);
    }

    @DeleteMapping("/api/alerts/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(@PathVariable UUID id, Caller caller) {
        return Mono.defer(() -> alerts.delete(new UserId(caller.id()), new AlertId(id)))
                .onErrorMap(PriceAlertProblems::translate);
    }

    @GetMapping("/api/alerts/events")
    Mono<HistoryResponse> events(
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Caller caller) {
        return Mono.defer(() -> {
            List<Violation> violations = new ArrayList<>();
            if (page < 0) {
                violations.add(Violation.of("page", "alerts.page-negative", "must be greater than or equal to 0"));
            }
            if (size < 1 || size > maxPageSize) {
                violations.add(Violation.of(
                        "size", "alerts.size-out-of-range", "must be between 1 and " + maxPageSize, maxPageSize));
            }
            if (!violations.isEmpty()) {
                return Mono.error(PriceAlertProblems.invalid(violations));
            }
            return alerts.history(new UserId(caller.id()), page, size).map(HistoryResponse::of);
        });
    }
}
