package dev.tarsspeedy.alert.report.persistence;

import dev.tarsspeedy.alert.ScheduleId;
import dev.tarsspeedy.alert.UserId;
import dev.tarsspeedy.alert.report.ReportSchedule;
import dev.tarsspeedy.alert.report.ReportScheduleRepository;
import dev.tarsspeedy.alert.report.ScheduleRule;
import dev.tarsspeedy.alert.report.ScheduleTime;
import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code report_schedule}. */
@Repository
class R2dbcReportScheduleRepository implements ReportScheduleRepository {

    private static final String COLUMNS = "id, user_id, email, locale, name, times, weekdays, zone, markets,"
            + " skip_market_holidays, holiday_notice, paused, next_run_at, last_run_at, unsubscribe_token,"
            + " created_at, updated_at";

    private final DatabaseClient database;

    R2dbcReportScheduleRepository(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> lockUser(UserId user) {
        return database.sql("select 1 from (select pg_advisory_xact_lock(hashtextextended(:key, 0))) locked")
                .bind("key", "report-schedule:" + user)
                .map(row -> 1)
                .first()
                .then();
    }

    @Override
    public Mono<Long> count(UserId user) {
        return database.sql("select count(*) as n from report_schedule where user_id = :user")
                .bind("user", user.value())
                .map(row -> row.get("n", Long.class))
                .one();
    }

    @Override
    public Mono<Void> insert(ReportSchedule schedule) {
        return bindAll(
                        database.sql(
                                "insert into report_schedule (" + COLUMNS + ") values (:id, :user, :email, :locale,"
                                        + " :name, :times, :weekdays, :zone, :markets, :skip, :notice, :paused, :next, :last,"
                                        + " :token, :created, :updated)"),
                        schedule)
                .fetch()
                .rowsUpdated()
                .then();
    }

    @Override
    public Mono<Boolean> update(ReportSchedule schedule) {
        return bindAll(
                        database.sql("update report_schedule set email = :email, locale = :locale, name = :name,"
                                + " times = :times, weekdays = :weekdays, zone = :zone, markets = :markets,"
                                + " skip_market_holidays = :skip, holiday_notice = :notice, paused = :paused,"
                                + " next_run_at = :next, last_run_at = :last, updated_at = :updated"
                                + " where id = :id and user_id = :user and unsubscribe_token = :token"
                                + " and created_at = :created"),
                        schedule)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    private static DatabaseClient.GenericExecuteSpec bindAll(DatabaseClient.GenericExecuteSpec sql, ReportSchedule s) {
        sql = sql.bind("id", s.id().value())
                .bind("user", s.userId().value())
                .bind("email", s.email())
                .bind("locale", s.locale())
                .bind("name", s.name())
                .bind("times", s.rule().times().stream().map(ScheduleTime::text).toArray(String[]::new))
                .bind("weekdays", s.rule().weekdayMask())
                .bind("zone", s.rule().zone().getId())
                .bind("markets", s.markets().stream().sorted().toArray(String[]::new))
                .bind("skip", s.skipMarketHolidays())
                .bind("notice", s.holidayNotice())
                .bind("paused", s.paused())
                .bind("token", s.unsubscribeToken())
                .bind("created", s.createdAt())
                .bind("updated", s.updatedAt());
        sql = s.nextRunAt() == null ? sql.bindNull("next", Instant.class) : sql.bind("next", s.nextRunAt());
        return s.lastRunAt() == null ? sql.bindNull("last", Instant.class) : sql.bind("last", s.lastRunAt());
    }

    @Override
    public Mono<ReportSchedule> find(UserId user, ScheduleId id) {
        return database.sql("select " + COLUMNS + " from report_schedule where id = :id and user_id = :user")
                .bind("id", id.value())
                .bind("user", user.value())
                .map(R2dbcReportScheduleRepository::schedule)
                .one();
    }

    @Override
    public Mono<List<ReportSchedule>> list(UserId user) {
        return database.sql("select " + COLUMNS + " from report_schedule where user_id = :user order by created_at, id")
                .bind("user", user.value())
                .map(R2dbcReportScheduleRepository::schedule)
                .all()
                .collectList();
    }

    @Override
    public Mono<Boolean> delete(UserId user, ScheduleId id) {
        return database.sql("delete from report_schedule where id = :id and user_id = :user")
                .bind("id", id.value())
                .bind("user", user.value())
                .fetch()
                .rowsUpdated()
                .map(rows -> rows > 0);
    }

    @Override
    public Flux<ReportSchedule> claimDue(Instant now, int limit) {
        return database.sql("select " + COLUMNS + " from report_schedule where next_run_at <= :now and not paused"
                        + " order by next_run_at limit :limit for update skip locked")
                .bind("now", now)
                .bind("limit", limit)
                .map(R2dbcReportScheduleRepository::schedule)
                .all();
    }

    @Override
    public Mono<Long> advanceAll(List<Advance> advances) {
        if (advances.isEmpty()) {
            return Mono.just(0L);
        }
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < advances.size(); i++) {
            values.append(i == 0 ? "" : ", ")
                    .append("(cast(:id")
                    .append(i)
                    .append(" as uuid), cast(:claimed")
                    .append(i)
                    .append(" as timestamptz), cast(:next")
                    .append(i)
                    .append(" as timestamptz), cast(:sent")
                    .append(i)
                    .append(" as timestamptz))");
        }
        // One bindValues: each bind(name, value) copies every binding made before it (quadratic in the batch).
        Map<String, Object> bindings = new LinkedHashMap<>();
        for (int i = 0; i < advances.size(); i++) {
            Advance advance = advances.get(i);
            bindings.put("id" + i, advance.id().value());
            bindings.put("claimed" + i, advance.claimed());
            bindings.put("next" + i, advance.next() == null ? Parameters.in(Instant.class) : advance.next());
            bindings.put("sent" + i, advance.sent() == null ? Parameters.in(Instant.class) : advance.sent());
        }
        return database.sql("update report_schedule r set next_run_at = v.next,"
                        + " last_run_at = coalesce(v.sent, r.last_run_at) from (values " + values
                        + ") as v(id, claimed, next, sent) where r.id = v.id and r.next_run_at = v.claimed")
                .bindValues(bindings)
                .fetch()
                .rowsUpdated();
    }

    @Override
    public Mono<Boolean> pauseByToken(ScheduleId id, String token, Instant now) {
        return database.sql("update report_schedule set paused = true, next_run_at = null,"
                        + " updated_at = case when paused then updated_at else :now end"
                        + " where id = :id and unsubscribe_token = :token")
                .bind("id", id.value())
                .bind("token", token)
                .bind("now", now)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows > 0);
    }

    @Override
    public Mono<ReportSchedule> findByToken(ScheduleId id, String token) {
        return database.sql("select " + COLUMNS + " from report_schedule where id = :id and unsubscribe_token = :token")
                .bind("id", id.value())
                .bind("token", token)
                .map(R2dbcReportScheduleRepository::schedule)
                .one();
    }

    private static ReportSchedule schedule(Readable row) {
        String[] times = row.get("times", String[].class);
        String[] markets = row.get("markets", String[].class);
        return new ReportSchedule(
                new ScheduleId(row.get("id", UUID.class)),
                new UserId(row.get("user_id", UUID.class)),
                row.get("email", String.class),
                row.get("locale", String.class),
                row.get("name", String.class),
                new ScheduleRule(
                        Arrays.stream(times).map(ScheduleTime::parse).toList(),
                        ScheduleRule.weekdays(row.get("weekdays", Integer.class)),
                        ZoneId.of(row.get("zone", String.class))),
                Set.of(markets),
                row.get("skip_market_holidays", Boolean.class),
                row.get("holiday_notice", Boolean.class),
                row.get("paused", Boolean.class),
                row.get("next_run_at", Instant.class),
                row.get("last_run_at", Instant.class),
                row.get("unsubscribe_token", String.class),
                row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class));
    }
}
