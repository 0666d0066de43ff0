package dev.tarsspeedy.alert.report;

import dev.tarsspeedy.alert.ScheduleId;
import dev.tarsspeedy.alert.Symbol;
import dev.tarsspeedy.alert.UserId;
import dev.tarsspeedy.alert.market.MarketData;
import dev.tarsspeedy.alert.report.ReportExceptions.NoEmailAddressException;
import dev.tarsspeedy.alert.report.ReportExceptions.ScheduleNotFoundException;
import dev.tarsspeedy.alert.report.ReportExceptions.SendNowTooSoonException;
import dev.tarsspeedy.alert.report.ReportExceptions.TooManySchedulesException;
import dev.tarsspeedy.alert.report.ReportExceptions.UnknownUnsubscribeTokenException;
import dev.tarsspeedy.alert.watchlist.WatchlistEntry;
import dev.tarsspeedy.alert.watchlist.WatchlistService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Report schedules and their reports.
 *
 * <p><b>Exactly once per occurrence.</b> {@link #sendDue()} claims due schedules in batches, each batch in one
 * transaction: the rows are locked with {@code FOR UPDATE SKIP LOCKED} (a second instance skips them), each
 * occurrence's mail goes into the outbox with the key {@code report:{schedule}:{occurrence}} and {@code next_run_at}
 * moves on in that same transaction. A crash before the commit leaves the row due and nothing sent; after it, the row
 * is no longer due; a redelivered request is dropped by the notification service by its key.
 *
 * <p>One run works on {@code alert.report.claimers} batches at once; {@code SKIP LOCKED} keeps them disjoint, exactly
 * as it keeps two instances apart.
 *
 * <p><b>After downtime.</b> Of the occurrences a schedule missed, only the latest is considered: it is sent when it is
 * at most {@code alert.report.grace} old, otherwise skipped and logged. Either way the schedule moves to its next
 * occurrence after now, so a restart never sends a burst of stale reports.
 */
@Service
public class ReportService {

    private static final Logger log = LoggerFactory.getLogger(ReportService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("[A-Za-z0-9_-]+");
    /** When a relative time finds no session ahead (no calendar yet), the schedule looks again after this long. */
    private static final Duration RECHECK = Duration.ofHours(6);

    private static final int MAX_MISSED_WALK = 10_000;

    private final ReportScheduleRepository schedules;
    private final WatchlistService watchlists;
    private final MarketData market;
    private final ReportComposer composer;
    private final ReportEmails emails;
    private final ReportPreviews previews;
    private final SendNowLimiter sendNow;
    private final TransactionalOperator transaction;
    private final ReportSettings settings;
    private final Clock clock;
    private final Counter sent;

    public ReportService(
            ReportScheduleRepository schedules,
            WatchlistService watchlists,
            MarketData market,
            ReportComposer composer,
            ReportEmails emails,
            ReportPreviews previews,
            SendNowLimiter sendNow,
            TransactionalOperator transaction,
            ReportSettings settings,
            Clock clock,
            MeterRegistry meters) {
        this.schedules = schedules;
        this.watchlists = watchlists;
        this.market = market;
        this.composer = composer;
        this.emails = emails;
        this.previews = previews;
        this.sendNow = sendNow;
        this.transaction = transaction;
        this.settings = settings;
        this.clock = clock;
        this.sent = Counter.builder("tars.reports.sent")
                .description("Report mails requested (scheduled, holiday notices and send-now)")
                .register(meters);
    }

    // ---- schedules -------------------------------------------------------------------------------------------

    /**
     * Creates a schedule for the user; {@code zone} defaults to {@code defaultZone}.
     *
     * @return fails with {@link ReportExceptions.InvalidScheduleException}, {@link TooManySchedulesException},
     *     {@link NoEmailAddressException} or (a market-relative time) {@code MarketDataUnavailableException}
     */
    public Mono<ReportSchedule> create(
            UserId user, String email, String language, ZoneId defaultZone, ScheduleInput input) {
        return Mono.defer(() -> {
            if (email == null) {
                return Mono.error(new NoEmailAddressException());
            }
            ScheduleInput.Checked checked = input.check(null, defaultZone, settings.maxTimes());
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            return next(checked.rule(), now, checked.paused()).flatMap(next -> {
                ReportSchedule schedule = new ReportSchedule(
                        new ScheduleId(UUID.randomUUID()),
                        user,
                        email,
                        language,
                        checked.name(),
                        checked.rule(),
                        checked.markets(),
                        checked.skipMarketHolidays(),
                        checked.holidayNotice(),
                        checked.paused(),
                        next.orElse(null),
                        null,
                        token(),
                        now,
                        now);
                return transaction.transactional(schedules
                        .lockUser(user)
                        .then(schedules.count(user))
                        .flatMap(count -> count >= settings.maxSchedules()
                                ? Mono.error(new TooManySchedulesException(settings.maxSchedules()))
                                : schedules.insert(schedule).thenReturn(schedule)));
            });
        });
    }

    /** Changes the given fields (and the address and language, from the caller); recomputes the next occurrence. */
    public Mono<ReportSchedule> update(UserId user, ScheduleId id, String email, String language, ScheduleInput input) {
        return transaction.transactional(schedules
                .lockUser(user)
                .then(schedules.find(user, id))
                .switchIfEmpty(Mono.error(() -> new ScheduleNotFoundException(id)))
                .flatMap(current -> {
                    ScheduleInput.Checked checked =
                            input.check(current, current.rule().zone(), settings.maxTimes());
                    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                    return next(checked.rule(), now, checked.paused()).flatMap(next -> {
                        ReportSchedule changed = new ReportSchedule(
                                current.id(),
                                user,
                                email != null ? email : current.email(),
                                language,
                                checked.name(),
                                checked.rule(),
                                checked.markets(),
                                checked.skipMarketHolidays(),
                                checked.holidayNotice(),
                                checked.paused(),
                                next.orElse(null),
                                current.lastRunAt(),
                                current.unsubscribeToken(),
                                current.createdAt(),
                                now);
                        return schedules.update(changed).thenReturn(changed);
                    });
                }));
    }

    public Mono<List<ReportSchedule>> list(UserId user) {
        return schedules.list(user);
    }

    public Mono<ReportSchedule> get(UserId user, ScheduleId id) {
        return schedules.find(user, id).switchIfEmpty(Mono.error(() -> new ScheduleNotFoundException(id)));
    }

    public Mono<Void> delete(UserId user, ScheduleId id) {
        return schedules
                .delete(user, id)
                .flatMap(deleted -> deleted ? Mono.<Void>empty() : Mono.error(new ScheduleNotFoundException(id)));
    }

    /** RFC 8058 one-click: pauses the schedule; idempotent. Fails with {@link UnknownUnsubscribeTokenException}. */
    public Mono<Void> unsubscribe(ScheduleId id, String token) {
        return Mono.defer(() ->
                        !wellFormedToken(token) ? Mono.just(false) : schedules.pauseByToken(id, token, clock.instant()))
                .flatMap(found -> found ? Mono.<Void>empty() : Mono.error(new UnknownUnsubscribeTokenException()));
    }

    /** The schedule the unsubscribe link names, for its confirmation page. */
    public Mono<ReportSchedule> byUnsubscribeLink(ScheduleId id, String token) {
        return Mono.defer(() -> !wellFormedToken(token) ? Mono.empty() : schedules.findByToken(id, token))
                .switchIfEmpty(Mono.error(UnknownUnsubscribeTokenException::new));
    }

    /** The link that pauses the schedule with one click (and shows its state on a GET). */
    public String unsubscribeUrl(ReportSchedule schedule) {
        return settings.publicBaseUrl() + "/api/reports/schedules/" + schedule.id() + "/unsubscribe?token="
                + schedule.unsubscribeToken();
    }

    // ---- the job -----------------------------------------------------------------------------------------------

    /** What one batch did. */
    record Batch(int claimed, int sent) {}

    /**
     * Sends every due report, a batch per transaction, until none is due.
     *
     * @return how many report mails this call requested
     */
    public Mono<Long> sendDue() {
        return Flux.range(0, settings.claimers())
                .flatMap(claimer ->
                        batch().expand(batch -> batch.claimed() == settings.batchSize() ? batch() : Mono.empty()))
                .reduce(0L, (total, batch) -> total + batch.sent());
    }

    private Mono<Batch> batch() {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            Mono<Batch> work = schedules
                    .claimDue(now, settings.batchSize())
                    .collectList()
                    .flatMap(claimed -> claimed.isEmpty() ? Mono.just(new Batch(0, 0)) : process(claimed, now));
            return transaction.transactional(work).doOnNext(batch -> sent.increment(batch.sent()));
        });
    }

    /** One decision per claimed schedule. */
    private record Due(ReportSchedule schedule, Instant occurrence, Instant next, OccurrencePlan plan) {}

    private Mono<Batch> process(List<ReportSchedule> claimed, Instant now) {
        Set<String> markets = new TreeSet<>();
        Set<String> languages = new TreeSet<>();
        claimed.forEach(schedule -> {
            markets.addAll(schedule.rule().calendarMarkets());
            markets.addAll(schedule.markets());
            languages.add(schedule.locale());
        });
        return calendars(markets, now, languages).flatMap(calendars -> {
            Map<String, MarketData.Calendar> english = calendars.getOrDefault("en", Map.of());
            List<Due> decisions = new ArrayList<>();
            for (ReportSchedule schedule : claimed) {
                decisions.add(decide(schedule, now, calendars.getOrDefault(schedule.locale(), english)));
            }
            List<Due> toSend = decisions.stream()
                    .filter(due -> due.plan() != null && due.plan().action() != OccurrencePlan.Action.SKIP)
                    .toList();
            Set<UserId> users = new HashSet<>();
            toSend.forEach(due -> users.add(due.schedule().userId()));
            return watchlists.lists(users).flatMap(lists -> {
                Set<Symbol> symbols = new LinkedHashSet<>();
                Set<String> rowLanguages = new TreeSet<>();
                for (Due due : toSend) {
                    for (WatchlistEntry entry : rows(due, lists)) {
                        symbols.add(entry.symbol());
                        rowLanguages.add(due.schedule().locale());
                    }
                }
                return composer.snapshot(symbols, rowLanguages).flatMap(snapshot -> {
                    List<ReportEmails.Scheduled> mails = new ArrayList<>(toSend.size());
                    for (Due due : toSend) {
                        mails.add(mail(due, lists, snapshot));
                    }
                    // The batch's mails in one go and the schedules moved on, in the batch's transaction.
                    return emails.scheduled(mails)
                            .then(schedules.advanceAll(decisions.stream()
                                    .map(due -> new ReportScheduleRepository.Advance(
                                            due.schedule().id(),
                                            due.schedule().nextRunAt(),
                                            due.next(),
                                            due.plan() != null ? due.occurrence() : null))
                                    .toList()))
                            .thenReturn(new Batch(claimed.size(), mails.size()));
                });
            });
        });
    }

    private Due decide(ReportSchedule schedule, Instant now, Map<String, MarketData.Calendar> calendars) {
        ScheduleRule rule = schedule.rule();
        Instant claimed = schedule.nextRunAt();
        Instant latest = null;
        Instant cursor = claimed.minusNanos(1);
        for (int i = 0; i < MAX_MISSED_WALK; i++) {
            Optional<Instant> next = rule.nextAfter(cursor, calendars);
            if (next.isEmpty() || next.get().isAfter(now)) {
                break;
            }
            latest = next.get();
            cursor = latest;
        }
        Instant next = rule.nextAfter(now, calendars).orElse(now.plus(RECHECK));
        if (latest == null) {
            // The calendar moved the claimed time (a late open): nothing due yet.
            return new Due(schedule, null, next, null);
        }
        Duration late = Duration.between(latest, now);
        if (late.compareTo(settings.grace()) > 0) {
            log.warn(
                    "report schedule {}: occurrence {} missed by {} (more than the grace of {}), skipped; next {}",
                    schedule.id(),
                    latest,
                    late.truncatedTo(ChronoUnit.SECONDS),
                    settings.grace(),
                    next);
            return new Due(schedule, null, next, null);
        }
        if (!latest.equals(claimed)) {
            log.info(
                    "report schedule {}: occurrences from {} to before {} were missed, skipped",
                    schedule.id(),
                    claimed,
                    latest);
        }
        OccurrencePlan plan = OccurrencePlan.of(schedule, latest, calendars);
        if (plan.action() == OccurrencePlan.Action.SKIP) {
            log.info("report schedule {}: {} skipped, every market closed ({})", schedule.id(), latest, plan.closed());
        }
        return new Due(schedule, latest, next, plan);
    }

    /** The mail of an occurrence that sends one. The schedules move on together afterwards. */
    private ReportEmails.Scheduled mail(
            Due due, Map<UserId, List<WatchlistEntry>> lists, ReportComposer.Snapshot snapshot) {
        ReportSchedule schedule = due.schedule();
        String note =
                schedule.holidayNotice() ? ReportComposer.marketNote(due.plan().closed(), schedule.locale()) : "";
        Map<String, Object> model = composer.model(
                schedule.name(),
                schedule.rule().zone(),
                schedule.locale(),
                due.occurrence(),
                unsubscribeUrl(schedule),
                note,
                rows(due, lists),
                snapshot);
        return new ReportEmails.Scheduled(
                schedule.email(),
                schedule.locale(),
                model,
                "report:" + schedule.id() + ":" + due.occurrence(),
                unsubscribeUrl(schedule));
    }

    private static List<WatchlistEntry> rows(Due due, Map<UserId, List<WatchlistEntry>> lists) {
        if (due.plan() == null || due.plan().action() != OccurrencePlan.Action.REPORT) {
            return List.of();
        }
        return lists.getOrDefault(due.schedule().userId(), List.of()).stream()
                .filter(entry -> due.plan().markets().contains(entry.market()))
                .toList();
    }

    // ---- send now and preview -----------------------------------------------------------------------------------

    /**
     * Requests a report of the whole watchlist now (transactional mail), at most once per
     * {@code alert.report.send-now-interval}.
     *
     * @return fails with {@link SendNowTooSoonException}, {@link NoEmailAddressException} or
     *     {@code MarketDataUnavailableException} (then the request does not count)
     */
    public Mono<Void> sendNow(UserId user, String email, String language, ZoneId zone) {
        return Mono.defer(() -> {
            if (email == null) {
                return Mono.error(new NoEmailAddressException());
            }
            return sendNow.acquire(user, settings.sendNowInterval()).flatMap(wait -> {
                if (wait.isPresent()) {
                    return Mono.error(new SendNowTooSoonException(wait.get()));
                }
                Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
                return adHocModel(user, language, zone, now, null)
                        .flatMap(model -> transaction.transactional(
                                emails.requested(email, language, model, "report:now:" + user + ":" + now)))
                        .doOnSuccess(ignored -> sent.increment())
                        .onErrorResume(error -> sendNow.release(user).then(Mono.error(error)));
            });
        });
    }

    /**
     * The HTML of the report the user would get now (of one schedule's markets, name and zone when given), rendered by
     * the notification service with the caller's {@code authorization}.
     */
    public Mono<String> preview(
            UserId user, String language, ZoneId zone, ScheduleId scheduleId, String authorization) {
        Mono<ReportSchedule> schedule = scheduleId == null ? Mono.empty() : get(user, scheduleId);
        return schedule.map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(found -> adHocModel(
                                user,
                                language,
                                found.map(s -> s.rule().zone()).orElse(zone),
                                clock.instant().truncatedTo(ChronoUnit.SECONDS),
                                found.orElse(null))
                        .flatMap(model -> previews.html(
                                language,
                                model,
                                found.map(this::unsubscribeUrl)
                                        .orElse(settings.publicBaseUrl() + "/api/reports/schedules"),
                                authorization)));
    }

    private Mono<Map<String, Object>> adHocModel(
            UserId user, String language, ZoneId zone, Instant now, ReportSchedule schedule) {
        return watchlists.lists(List.of(user)).flatMap(lists -> {
            List<WatchlistEntry> entries = lists.getOrDefault(user, List.of()).stream()
                    .filter(entry -> schedule == null || schedule.markets().contains(entry.market()))
                    .toList();
            return composer.snapshot(
                            entries.stream().map(WatchlistEntry::symbol).toList(), Set.of(language))
                    .map(snapshot -> composer.model(
                            schedule == null ? "" : schedule.name(),
                            zone,
                            language,
                            now,
                            schedule == null
                                    ? settings.publicBaseUrl() + "/api/reports/schedules"
                                    : unsubscribeUrl(schedule),
                            "",
                            entries,
                            snapshot));
        });
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** The first occurrence after {@code now}; none while paused. */
    private Mono<Optional<Instant>> next(ScheduleRule rule, Instant now, boolean paused) {
        if (paused) {
            return Mono.just(Optional.empty());
        }
        return calendars(rule.calendarMarkets(), now, Set.of("en"))
                .map(calendars -> Optional.of(rule.nextAfter(now, calendars.getOrDefault("en", Map.of()))
                        .orElse(now.plus(RECHECK))));
    }

    /** The calendars of the markets around {@code now} (a day back, the look-ahead forward), by language and market. */
    private Mono<Map<String, Map<String, MarketData.Calendar>>> calendars(
            Set<String> markets, Instant now, Set<String> languages) {
        if (markets.isEmpty()) {
            return Mono.just(Map.of());
        }
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate from = today.minusDays(1);
        LocalDate to = today.plusDays(ScheduleRule.LOOKAHEAD_DAYS);
        Set<String> all = new TreeSet<>(languages);
        all.add("en");
        return Flux.fromIterable(all)
                .concatMap(language -> Flux.fromIterable(markets)
                        .concatMap(market -> this.market.calendar(market, from, to, language))
                        .collectMap(MarketData.Calendar::market)
                        .map(byMarket -> Map.entry(language, byMarket)))
                .collect(
                        HashMap<String, Map<String, MarketData.Calendar>>::new,
                        (map, entry) -> map.put(entry.getKey(), entry.getValue()));
    }

    /**
     * Whether {@code token} can be one this service made (base64url, see {@link #token()}): anything else is an unknown
     * link without asking the database, which refuses a NUL in text.
     */
    private static boolean wellFormedToken(String token) {
        return token != null && token.length() <= 64 && TOKEN.matcher(token).matches();
    }

    private static String token() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
