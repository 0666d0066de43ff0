package dev.tarsspeedy.alert.report;

import dev.tarsspeedy.alert.ScheduleId;
import dev.tarsspeedy.alert.UserId;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Report schedules. */
public interface ReportScheduleRepository {

    /** Serialises changes of one user's schedules until the current transaction ends (the limit). */
    Mono<Void> lockUser(UserId user);

    Mono<Long> count(UserId user);

    Mono<Void> insert(ReportSchedule schedule);

    /** Replaces every changeable field; whether the schedule exists. */
    Mono<Boolean> update(ReportSchedule schedule);

    Mono<ReportSchedule> find(UserId user, ScheduleId id);

    /** The user's schedules, oldest first. */
    Mono<List<ReportSchedule>> list(UserId user);

    Mono<Boolean> delete(UserId user, ScheduleId id);

    /**
     * Schedules not paused whose {@code next_run_at} is at the latest {@code now}, oldest first, locked for the current
     * transaction; rows another transaction holds are skipped ({@code FOR UPDATE SKIP LOCKED}), so concurrent
     * claimers never get the same row.
     */
    Flux<ReportSchedule> claimDue(Instant now, int limit);

    /**
     * A claimed schedule moved on: {@code next_run_at} to {@code next} (may be {@code null}: nothing more to run),
     * {@code last_run_at} to {@code sent} when an occurrence was handled; only if {@code next_run_at} is still
     * {@code claimed}.
     */
    record Advance(ScheduleId id, Instant claimed, Instant next, Instant sent) {}

    /** Moves a whole batch on in one statement; how many moved. */
    Mono<Long> advanceAll(List<Advance> advances);

    /**
     * Pauses the schedule with this id and unsubscribe token.
     *
     * @return whether it exists (also when it was paused already)
     */
    Mono<Boolean> pauseByToken(ScheduleId id, String token, Instant now);

    /** The schedule with this id and unsubscribe token (the confirmation page). */
    Mono<ReportSchedule> findByToken(ScheduleId id, String token);
}
