package dev.tarsspeedy.alert.report.web;

import dev.tarsspeedy.alert.ScheduleId;
import dev.tarsspeedy.alert.UserId;
import dev.tarsspeedy.alert.report.ReportService;
import dev.tarsspeedy.alert.report.web.ScheduleMessages.ScheduleRequest;
import dev.tarsspeedy.alert.report.web.ScheduleMessages.ScheduleResponse;
import dev.tarsspeedy.platform.caller.Caller;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The signed-in user's report schedules, {@code /api/reports/schedules}. A new schedule's {@code zone} defaults to the
 * profile's (the token's {@code zoneinfo}; without it Asia/Seoul for Korean, UTC otherwise); the mail goes to the
 * token's address in the caller's language, both refreshed by every change.
 */
@RestController
class ScheduleController {

    private final ReportService reports;

    ScheduleController(ReportService reports) {
        this.reports = reports;
    }

    @PostMapping("/api/reports/schedules")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ScheduleResponse> create(@RequestBody ScheduleRequest request, Caller caller) {
        return Mono.defer(() -> reports.create(
                        new UserId(caller.id()),
                        caller.email(),
                        caller.language().tag(),
                        caller.zoneOrDefault(),
                        request.input()))
                .map(ScheduleResponse::of)
                .onErrorMap(ReportProblems::translate);
    }

    @GetMapping("/api/reports/schedules")
    Mono<List<ScheduleResponse>> list(Caller caller) {
        return Mono.defer(() -> reports.list(new UserId(caller.id())))
                .map(list -> list.stream().map(ScheduleResponse::of).toList());
    }

    @GetMapping("/api/reports/schedules/{id}")
    Mono<ScheduleResponse> get(@PathVariable UUID id, Caller caller) {
        return Mono.defer(() -> reports.get(new UserId(caller.id()), new ScheduleId(id)))
                .map(ScheduleResponse::of)
                .onErrorMap(ReportProblems::translate);
    }

    /** Changes the fields given (times, weekdays, zone, markets, holidays, {@code paused}: pause and resume). */
    @PatchMapping("/api/reports/schedules/{id}")
    Mono<ScheduleResponse> update(@PathVariable UUID id, @RequestBody ScheduleRequest request, Caller caller) {
        return Mono.defer(() -> reports.update(
                        new UserId(caller.id()),
                        new ScheduleId(id),
                        caller.email(),
                        caller.language().tag(),
                        request.input()))
                .map(ScheduleResponse::of)
                .onErrorMap(ReportProblems::translate);
    }

    @DeleteMapping("/api/reports/schedules/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(@PathVariable UUID id, Caller caller) {
        return Mono.defer(() -> reports.delete(new UserId(caller.id()), new ScheduleId(id)))
                .onErrorMap(ReportProblems::translate);
    }
}
