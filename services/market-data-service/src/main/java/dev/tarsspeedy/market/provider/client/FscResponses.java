package dev.tarsspeedy.market.provider.client;

import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.provider.DailyBar;
import dev.tarsspeedy.market.provider.Listing;
import dev.tarsspeedy.market.provider.ProviderException;
import dev.tarsspeedy.market.provider.ProviderName;
import dev.tarsspeedy.market.provider.ProviderQuote;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * data.go.kr's answers read, with every quirk: numbers as strings; {@code items} is {@code ""} when nothing matches;
 * a one-row page has {@code item} as an object; errors come inside HTTP 200, as a JSON header or as the XML {@code
 * OpenAPI_ServiceResponse} even to {@code resultType=json}; resultCode 22 is the quota; {@code likeSrtnCd} is a LIKE
 * filter, so rows of other codes are dropped here.
 */
final class FscResponses {

    private static final ProviderName FSC = ProviderName.FSC;
    private static final JsonMapper JSON = JsonMapper.shared();
    static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    /** KRX's regular session closes at 15:30: the time of every end-of-day price. */
    static final LocalTime CLOSE = LocalTime.of(15, 30);

    private static final Pattern XML_CODE = Pattern.compile("<(returnReasonCode|resultCode)>\\s*([^<\\s]+)\\s*</");
    /** The gateway's reason ({@code SERVICE_KEY_IS_NOT_REGISTERED_ERROR}) says more than its {@code errMsg}. */
    private static final List<Pattern> XML_MESSAGES = List.of(
            Pattern.compile("<returnAuthMsg>\\s*([^<]*?)\\s*</"),
            Pattern.compile("<(?:errMsg|resultMsg)>\\s*([^<]*?)\\s*</"));
    /** Quota used up (LIMITED_NUMBER_OF_SERVICE_REQUESTS_EXCEEDS_ERROR). */
    static final String QUOTA = "22";
    /** Key not registered, expired, IP not registered, access denied. */
    static final Set<String> BAD_KEY = Set.of("20", "30", "31", "32", "33");

    private FscResponses() {}

    /** One page: its rows and the total count of rows the query matches. */
    record Page(List<JsonNode> items, int totalCount) {}

    static Page page(int status, String body) {
        String text = body == null ? "" : body.strip();
        if (text.startsWith("<")) {
            throw xmlError(status, text);
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new ProviderException.Unavailable(FSC, "HTTP " + status + ": unreadable answer", e);
        }
        JsonNode response = root == null ? null : root.path("response");
        if (response == null || !response.isObject()) {
            throw new ProviderException.Unavailable(FSC, "HTTP " + status + ": no response object", null);
        }
        JsonNode header = response.path("header");
        String code = Fields.text(header, "resultCode");
        String message = Fields.text(header, "resultMsg");
        if (!"00".equals(code)) {
            throw failure(code, "resultCode " + code + " " + message);
        }
        if (status != 200) {
            throw new ProviderException.Unavailable(FSC, "HTTP " + status, null);
        }
        JsonNode body0 = response.path("body");
        Long total = Fields.whole(body0, "totalCount");
        return new Page(items(body0.path("items")), total == null ? 0 : total.intValue());
    }

    /** {@code items}: {@code ""} (nothing), {@code {"item": {...}}} (one row) or {@code {"item": [...]}}. */
    static List<JsonNode> items(JsonNode items) {
        JsonNode item = items.path("item");
        if (item.isArray()) {
            return List.copyOf(item.values());
        }
        if (item.isObject()) {
            return List.of(item);
        }
        return List.of();
    }

    private static ProviderException xmlError(int status, String xml) {
        Matcher code = XML_CODE.matcher(xml);
        String reason = code.find() ? code.group(2) : null;
        String text = XML_MESSAGES.stream()
                .map(pattern -> pattern.matcher(xml))
                .filter(Matcher::find)
                .map(matcher -> matcher.group(1))
                .findFirst()
                .orElse("");
        if (reason == null) {
            return new ProviderException.Unavailable(FSC, "HTTP " + status + ": an XML answer without a code", null);
        }
        return failure(reason, "XML error " + reason + " " + text);
    }

    private static ProviderException failure(String code, String message) {
        if (QUOTA.equals(code)) {
            return new ProviderException.RateLimited(FSC, message);
        }
        if (code != null && BAD_KEY.contains(code)) {
            return new ProviderException.BadCredentials(FSC, message);
        }
        return new ProviderException.Unavailable(FSC, message, null);
    }

    /** A short code as FSC writes it ({@code 005930}, in some services {@code A005930}). */
    static String code(JsonNode row) {
        String code = Fields.text(row, "srtnCd");
        if (code != null && code.length() == 7 && code.charAt(0) == 'A') {
            return code.substring(1);
        }
        return code;
    }

    /** The rows of exactly {@code symbol}: {@code likeSrtnCd=5930} also matches {@code 059300}. */
    static List<JsonNode> rowsOf(Symbol symbol, List<JsonNode> rows) {
        return rows.stream().filter(row -> symbol.code().equals(code(row))).toList();
    }

    static Optional<LocalDate> day(JsonNode row) {
        String text = Fields.text(row, "basDt");
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text, DAY));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The latest day's close of {@code symbol} among {@code rows}, as an end-of-day quote at that day's 15:30 KST. */
    static Optional<ProviderQuote> latestQuote(Symbol symbol, List<JsonNode> rows, boolean simulated) {
        return rowsOf(symbol, rows).stream()
                .filter(row -> day(row).isPresent() && Fields.positive(row, "clpr") != null)
                .max(Comparator.comparing(row -> day(row).orElseThrow()))
                .map(row -> {
                    BigDecimal close = Fields.positive(row, "clpr");
                    BigDecimal change = Fields.decimal(row, "vs");
                    BigDecimal previous = change == null ? null : close.subtract(change);
                    LocalDate day = day(row).orElseThrow();
                    return new ProviderQuote(
                            symbol,
                            FSC,
                            close,
                            change,
                            Fields.decimal(row, "fltRt"),
                            Fields.positive(row, "mkp"),
                            Fields.positive(row, "hipr"),
                            Fields.positive(row, "lopr"),
                            previous != null && previous.signum() > 0 ? previous : null,
                            Fields.whole(row, "trqu"),
                            null,
                            null,
                            day.atTime(CLOSE).atZone(Market.KRX.zone()).toInstant(),
                            true,
                            simulated);
                });
    }

    /** The daily bars of {@code symbol} among {@code rows}, oldest first; rows without a positive close are left out. */
    static List<DailyBar> bars(Symbol symbol, List<JsonNode> rows) {
        List<DailyBar> bars = new ArrayList<>();
        for (JsonNode row : rowsOf(symbol, rows)) {
            Optional<LocalDate> day = day(row);
            BigDecimal close = Fields.positive(row, "clpr");
            if (day.isEmpty() || close == null) {
                continue;
            }
            Long volume = Fields.whole(row, "trqu");
            bars.add(new DailyBar(
                    symbol,
                    day.get(),
                    Fields.positive(row, "mkp"),
                    Fields.positive(row, "hipr"),
                    Fields.positive(row, "lopr"),
                    close,
                    volume == null ? 0 : volume,
                    FSC));
        }
        bars.sort(Comparator.comparing(DailyBar::date));
        return bars;
    }

    /** A listing row ({@code getItemInfo} or the price list); empty for codes that are not KOSPI/KOSDAQ stocks. */
    static Optional<Listing> listing(JsonNode row) {
        String code = code(row);
        String market = Fields.text(row, "mrktCtg");
        String name = Fields.text(row, "itmsNm");
        if (code == null || name == null || !Symbol.isWellFormed(code)) {
            return Optional.empty();
        }
        Symbol symbol = Symbol.parse(code);
        if (symbol.market() != Market.KRX || !("KOSPI".equals(market) || "KOSDAQ".equals(market))) {
            return Optional.empty();
        }
        return Optional.of(new Listing(symbol, Market.KRX, market, name, null));
    }
}
