package dev.tarsspeedy.standin.market;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The FSC services on data.go.kr: {@code GetStockSecuritiesInfoService/getStockPriceInfo} (daily prices) and {@code
 * GetKrxListedInfoService/getItemInfo} (the listing), with every quirk of the live service: numbers as strings (rates
 * without the leading zero, {@code "-.85"}), {@code items} as {@code ""} when nothing matches, a one-row page with
 * {@code item} as an object, gateway errors (bad key 30, daily quota 22) as the XML {@code OpenAPI_ServiceResponse}
 * with HTTP 200 even when JSON was asked for, {@code likeSrtnCd} matching any code containing the text, and the data
 * of day D published from 13:00 KST on the next business day.
 */
final class FscApi {

    private static final ZoneId KST = ZoneId.of("Asia/Seoul");
    private static final LocalTime PUBLISHED_AT = LocalTime.of(13, 0);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final String PRICE_PATH = "/1160100/service/GetStockSecuritiesInfoService/getStockPriceInfo";
    private static final String LISTING_PATH = "/1160100/service/GetKrxListedInfoService/getItemInfo";

    private final MarketStandIn market;
    private final Map<String, AtomicInteger> usedToday = new ConcurrentHashMap<>();

    FscApi(MarketStandIn market) {
        this.market = market;
    }

    void handle(Http http, String endpoint) throws IOException {
        boolean prices = http.path.equals(PRICE_PATH);
        if (!prices && !http.path.equals(LISTING_PATH)) {
            http.xml(200, gatewayError("NO_OPENAPI_SERVICE_ERROR", 12));
            return;
        }
        String key = http.param("serviceKey");
        String configured = market.settings().fscKey();
        if (market.controls().refusesKeys(Provider.FSC)
                || key == null
                || key.isBlank()
                || configured != null && !configured.equals(key)) {
            http.xml(200, gatewayError("SERVICE_KEY_IS_NOT_REGISTERED_ERROR", 30));
            return;
        }
        LocalDate today = market.clock().instant().atZone(KST).toLocalDate();
        int used = usedToday
                .computeIfAbsent(key + "|" + today, k -> new AtomicInteger())
                .incrementAndGet();
        if (used > market.settings().fscCallsPerDay()) {
            http.xml(200, gatewayError("LIMITED_NUMBER_OF_SERVICE_REQUESTS_EXCEEDS_ERROR", 22));
            return;
        }
        boolean json = "json".equalsIgnoreCase(http.param("resultType"));
        Query query;
        try {
            query = Query.of(http);
        } catch (IllegalArgumentException e) {
            answer(http, json, header("10", "INVALID_REQUEST_PARAMETER_ERROR."), null);
            return;
        }
        Instant now = market.now(Provider.FSC);
        List<Listing> listings = new ArrayList<>();
        for (Listing l : market.listings(Market.KRX)) {
            if (query.matches(l, prices)) {
                listings.add(l);
            }
        }
        List<LocalDate> days = publishedDays(query, now);
        long total = (long) listings.size() * days.size();
        long from = (long) (query.pageNo - 1) * query.numOfRows;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (long i = from; i < Math.min(total, from + query.numOfRows); i++) {
            LocalDate day = days.get((int) (i / listings.size()));
            Listing listing = listings.get((int) (i % listings.size()));
            rows.add(prices ? priceRow(listing, day) : listingRow(listing, day));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("numOfRows", query.numOfRows);
        body.put("pageNo", query.pageNo);
        body.put("totalCount", total);
        if (rows.isEmpty()) {
            body.put("items", "");
        } else {
            body.put("items", Map.of("item", rows.size() == 1 ? rows.get(0) : rows));
        }
        answer(http, json, header("00", "NORMAL SERVICE."), body);
    }

    /** Trading days whose data is out by {@code now} and within the query's dates, newest first. */
    private List<LocalDate> publishedDays(Query query, Instant now) {
        Sessions sessions = market.model().sessions();
        LocalDate today = now.atZone(KST).toLocalDate();
        LocalDate oldest = today.minusYears(1).minusDays(14);
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = today; !d.isBefore(oldest); d = d.minusDays(1)) {
            if (!sessions.tradingDay(Market.KRX, d)) {
                continue;
            }
            Instant published = sessions.nextTradingDay(Market.KRX, d)
                    .atTime(PUBLISHED_AT)
                    .atZone(KST)
                    .toInstant();
            if (now.isBefore(published) || !query.matchesDay(d)) {
                continue;
            }
            days.add(d);
        }
        days.sort(Comparator.reverseOrder());
        return days;
    }

    private Map<String, Object> priceRow(Listing l, LocalDate day) {
        PriceModel model = market.model();
        DailyBar bar = model.bar(l, day);
        DailyBar previous = model.bar(l, model.sessions().previousTradingDay(Market.KRX, day));
        boolean zero = market.controls().zero(Provider.FSC, l.symbol());
        BigDecimal change = bar.close().subtract(previous.close());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("basDt", day.format(DAY));
        row.put("srtnCd", l.symbol());
        row.put("isinCd", l.isin());
        row.put("itmsNm", l.name());
        row.put("mrktCtg", l.exchange());
        row.put("clpr", zero ? "0" : bar.close().toPlainString());
        row.put("vs", zero ? "0" : change.toPlainString());
        row.put("fltRt", zero ? "0" : rate(change, previous.close()));
        row.put("mkp", zero ? "0" : bar.open().toPlainString());
        row.put("hipr", zero ? "0" : bar.high().toPlainString());
        row.put("lopr", zero ? "0" : bar.low().toPlainString());
        row.put("trqu", String.valueOf(bar.volume()));
        row.put("trPrc", String.valueOf(bar.turnover()));
        row.put("lstgStCnt", String.valueOf(listedShares(l)));
        row.put(
                "mrktTotAmt",
                zero ? "0" : String.valueOf(listedShares(l) * bar.close().longValue()));
        return row;
    }

    private static Map<String, Object> listingRow(Listing l, LocalDate day) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("basDt", day.format(DAY));
        row.put("srtnCd", "A" + l.symbol());
        row.put("isinCd", l.isin());
        row.put("mrktCtg", l.exchange());
        row.put("itmsNm", l.name());
        row.put("crno", "");
        row.put("corpNm", l.name() + "(주)");
        return row;
    }

    /** The rate as the service writes it: two decimals, no leading zero ({@code ".37"}, {@code "-.14"}). */
    static String rate(BigDecimal change, BigDecimal previous) {
        if (previous.signum() == 0) {
            return "0";
        }
        String plain = change.multiply(BigDecimal.valueOf(100))
                .divide(previous, 2, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
        if (plain.startsWith("0.")) {
            return plain.substring(1);
        }
        if (plain.startsWith("-0.")) {
            return "-" + plain.substring(2);
        }
        return plain;
    }

    /** Listed shares, simulated from the rank: the master ships no share counts. */
    static long listedShares(Listing l) {
        double cap = 4.0e14 / Math.pow(l.rank(), 0.9);
        return Math.max(1_000_000L, Math.round(cap / l.referencePrice().doubleValue() / 1000) * 1000);
    }

    private static Map<String, Object> header(String code, String message) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("resultCode", code);
        header.put("resultMsg", message);
        return header;
    }

    private static void answer(Http http, boolean json, Map<String, Object> header, Map<String, Object> body)
            throws IOException {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("header", header);
        if (body != null) {
            response.put("body", body);
        }
        if (json) {
            http.json(200, Map.of("response", response));
        } else {
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>");
            appendXml(xml, "response", response);
            http.xml(200, xml.toString());
        }
    }

    @SuppressWarnings("unchecked")
    private static void appendXml(StringBuilder xml, String name, Object value) {
        if (value instanceof List<?> list) {
            for (Object item : list) {
                appendXml(xml, name, item);
            }
            return;
        }
        xml.append('<').append(name).append('>');
        if (value instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).forEach((k, v) -> appendXml(xml, k, v));
        } else if (value != null) {
            xml.append(String.valueOf(value)
                    .replace("&", "&amp;")
                    .replace("<", "&lt;")
                    .replace(">", "&gt;"));
        }
        xml.append("</").append(name).append('>');
    }

    /** The gateway's own error, XML whatever resultType asked for, with HTTP 200. */
    static String gatewayError(String message, int code) {
        return "<OpenAPI_ServiceResponse>\n\t<cmmMsgHeader>\n\t\t<errMsg>SERVICE ERROR</errMsg>\n\t\t<returnAuthMsg>"
                + message + "</returnAuthMsg>\n\t\t<returnReasonCode>" + code
                + "</returnReasonCode>\n\t</cmmMsgHeader>\n</OpenAPI_ServiceResponse>";
    }

    private record Query(
            int numOfRows,
            int pageNo,
            String basDt,
            String beginBasDt,
            String endBasDt,
            String likeBasDt,
            String likeSrtnCd,
            String isinCd,
            String likeIsinCd,
            String itmsNm,
            String likeItmsNm,
            String mrktCls) {

        static Query of(Http http) {
            return new Query(
                    number(http.param("numOfRows"), 10),
                    number(http.param("pageNo"), 1),
                    date(http.param("basDt")),
                    date(http.param("beginBasDt")),
                    date(http.param("endBasDt")),
                    blankToNull(http.param("likeBasDt")),
                    blankToNull(http.param("likeSrtnCd")),
                    blankToNull(http.param("isinCd")),
                    blankToNull(http.param("likeIsinCd")),
                    blankToNull(http.param("itmsNm")),
                    blankToNull(http.param("likeItmsNm")),
                    blankToNull(http.param("mrktCls")));
        }

        boolean matches(Listing l, boolean prices) {
            String code = prices ? l.symbol() : "A" + l.symbol();
            return (likeSrtnCd == null || code.contains(likeSrtnCd))
                    && (isinCd == null || l.isin().equals(isinCd))
                    && (likeIsinCd == null || l.isin().contains(likeIsinCd))
                    && (itmsNm == null || l.name().equals(itmsNm))
                    && (likeItmsNm == null || l.name().contains(likeItmsNm))
                    && (mrktCls == null || l.exchange().equalsIgnoreCase(mrktCls));
        }

        /** {@code basDt} equal, {@code beginBasDt} at or after, {@code endBasDt} strictly before, as the service. */
        boolean matchesDay(LocalDate day) {
            String d = day.format(DAY);
            return (basDt == null || d.equals(basDt))
                    && (beginBasDt == null || d.compareTo(beginBasDt) >= 0)
                    && (endBasDt == null || d.compareTo(endBasDt) < 0)
                    && (likeBasDt == null || d.contains(likeBasDt));
        }

        private static int number(String value, int fallback) {
            if (value == null || value.isBlank()) {
                return fallback;
            }
            int n = Integer.parseInt(value.trim());
            if (n < 1) {
                throw new IllegalArgumentException("must be positive");
            }
            return n;
        }

        private static String date(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                LocalDate.parse(value.trim(), DAY);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("bad date " + value);
            }
            return value.trim();
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }
}
