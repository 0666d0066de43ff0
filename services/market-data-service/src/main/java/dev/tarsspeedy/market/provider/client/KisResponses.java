package dev.tarsspeedy.market.provider.client;

import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.provider.KisToken;
import dev.tarsspeedy.market.provider.Listing;
import dev.tarsspeedy.market.provider.ProviderException;
import dev.tarsspeedy.market.provider.ProviderName;
import dev.tarsspeedy.market.provider.ProviderQuote;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * KIS's answers read: every figure a string, success only when {@code rt_cd} is {@code "0"} (checked on every HTTP
 * 200 too), errors named by {@code msg_cd} (quotations) or {@code error_code} (the token call).
 */
final class KisResponses {

    private static final ProviderName KIS = ProviderName.KIS;
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final ZoneId SEOUL = Market.KRX.zone();
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Per-second limit: pause KIS for its back-off. */
    static final String RATE_LIMITED = "EGW00201";
    /** A token issue within a minute of the last one. */
    static final String TOKEN_ISSUE_LIMITED = "EGW00133";
    /** The token expired / is not valid: issue a new one, once. */
    static final Set<String> TOKEN_REJECTED = Set.of("EGW00123", "EGW00121");
    /** The app key, app secret or grant refused. */
    static final Set<String> BAD_CREDENTIALS = Set.of("EGW00002", "EGW00102", "EGW00103", "EGW00104", "EGW00105");

    private KisResponses() {}

    /** KIS refused the access token: the caller issues a new one and retries once. */
    static final class TokenRejected extends RuntimeException {
        TokenRejected(String message) {
            super(message, null, false, false);
        }
    }

    /** The {@code output} of a successful quotation answer; every other answer as the failure it stands for. */
    static JsonNode output(int status, String body) {
        JsonNode root = parse(status, body);
        String rtCd = Fields.text(root, "rt_cd");
        String msgCd = Fields.text(root, "msg_cd");
        String message =
                msgCd + " " + Optional.ofNullable(Fields.text(root, "msg1")).orElse("");
        if ("0".equals(rtCd) && status == 200) {
            return root.path("output");
        }
        if (msgCd == null) {
            throw new ProviderException.Unavailable(KIS, "HTTP " + status + " without rt_cd/msg_cd", null);
        }
        if (RATE_LIMITED.equals(msgCd)) {
            throw new ProviderException.RateLimited(KIS, message);
        }
        if (TOKEN_REJECTED.contains(msgCd)) {
            throw new TokenRejected(message);
        }
        if (BAD_CREDENTIALS.contains(msgCd)) {
            throw new ProviderException.BadCredentials(KIS, message);
        }
        throw new ProviderException.Unavailable(KIS, "HTTP " + status + " " + message, null);
    }

    /** The token of a {@code /oauth2/tokenP} answer. */
    static KisToken token(int status, String body, Instant now) {
        JsonNode root = parse(status, body);
        String token = Fields.text(root, "access_token");
        if (status == 200 && token != null) {
            return new KisToken(token, expiry(root, now));
        }
        String code = Optional.ofNullable(Fields.text(root, "error_code")).orElse(Fields.text(root, "msg_cd"));
        String message = code + " "
                + Optional.ofNullable(Fields.text(root, "error_description")).orElse("");
        if (TOKEN_ISSUE_LIMITED.equals(code)) {
            throw new ProviderException.RateLimited(KIS, "token issue refused: " + message);
        }
        if (code != null && BAD_CREDENTIALS.contains(code)) {
            throw new ProviderException.BadCredentials(KIS, "token issue refused: " + message);
        }
        throw new ProviderException.Unavailable(KIS, "token issue failed: HTTP " + status + " " + message, null);
    }

    private static Instant expiry(JsonNode root, Instant now) {
        String expired = Fields.text(root, "access_token_token_expired");
        if (expired != null) {
            try {
                return LocalDateTime.parse(expired, EXPIRY).atZone(SEOUL).toInstant();
            } catch (DateTimeParseException e) {
                // fall back on expires_in
            }
        }
        Long seconds = Fields.whole(root, "expires_in");
        return now.plusSeconds(seconds == null ? 86_400 : seconds);
    }

    /** An {@code inquire-price} output as a quote; empty when KIS has no price (every figure 0: unknown code). */
    static Optional<ProviderQuote> quote(Symbol symbol, JsonNode o, Instant asOf, boolean simulated) {
        BigDecimal price = Fields.positive(o, "stck_prpr");
        if (price == null) {
            return Optional.empty();
        }
        BigDecimal change = signed(Fields.decimal(o, "prdy_vrss"), Fields.text(o, "prdy_vrss_sign"));
        BigDecimal previousClose = Fields.positive(o, "stck_sdpr");
        if (previousClose == null && change != null) {
            previousClose = positiveOrNull(price.subtract(change));
        }
        return Optional.of(new ProviderQuote(
                symbol,
                KIS,
                price,
                change,
                signed(Fields.decimal(o, "prdy_ctrt"), Fields.text(o, "prdy_vrss_sign")),
                Fields.positive(o, "stck_oprc"),
                Fields.positive(o, "stck_hgpr"),
                Fields.positive(o, "stck_lwpr"),
                previousClose,
                Fields.whole(o, "acml_vol"),
                Fields.positive(o, "w52_hgpr"),
                Fields.positive(o, "w52_lwpr"),
                asOf,
                false,
                simulated));
    }

    /** The rows of an {@code intstock-multprice} output for {@code symbols}; codes KIS has no price for are left out. */
    static List<ProviderQuote> quotes(List<Symbol> symbols, JsonNode output, Instant asOf, boolean simulated) {
        List<ProviderQuote> quotes = new ArrayList<>();
        for (JsonNode row : output.isArray() ? output.values() : List.of(output)) {
            String code = Fields.text(row, "inter_shrn_iscd");
            Optional<Symbol> symbol =
                    symbols.stream().filter(s -> s.code().equals(code)).findFirst();
            BigDecimal price = Fields.positive(row, "inter2_prpr");
            if (symbol.isEmpty() || price == null) {
                continue;
            }
            String sign = Fields.text(row, "prdy_vrss_sign");
            BigDecimal change = signed(Fields.decimal(row, "inter2_prdy_vrss"), sign);
            BigDecimal previousClose = Fields.positive(row, "inter2_prdy_clpr");
            if (previousClose == null && change != null) {
                previousClose = positiveOrNull(price.subtract(change));
            }
            quotes.add(new ProviderQuote(
                    symbol.get(),
                    KIS,
                    price,
                    change,
                    signed(Fields.decimal(row, "prdy_ctrt"), sign),
                    Fields.positive(row, "inter2_oprc"),
                    Fields.positive(row, "inter2_hgpr"),
                    Fields.positive(row, "inter2_lwpr"),
                    previousClose,
                    Fields.whole(row, "acml_vol"),
                    null,
                    null,
                    asOf,
                    false,
                    simulated));
        }
        return quotes;
    }

    /** A {@code search-stock-info} output as a listing with both names; empty when KIS does not know the code. */
    static Optional<Listing> listing(Symbol symbol, JsonNode o) {
        String nameKo = Fields.text(o, "prdt_abrv_name");
        if (nameKo == null) {
            nameKo = Fields.text(o, "prdt_name");
        }
        String nameEn = Fields.text(o, "prdt_eng_abrv_name");
        if (nameEn == null) {
            nameEn = Fields.text(o, "prdt_eng_name");
        }
        if (nameKo == null && nameEn == null) {
            return Optional.empty();
        }
        String exchange =
                switch (Optional.ofNullable(Fields.text(o, "mket_id_cd")).orElse("")) {
                    case "STK" -> "KOSPI";
                    case "KSQ" -> "KOSDAQ";
                    case "KNX" -> "KONEX";
                    default -> null;
                };
        return Optional.of(new Listing(symbol, Market.KRX, exchange, nameKo, nameEn));
    }

    /**
     * KIS sends the change with its sign most of the time, and always {@code prdy_vrss_sign} (1 upper limit, 2 up, 3
     * unchanged, 4 lower limit, 5 down): the sign decides.
     */
    static BigDecimal signed(BigDecimal value, String sign) {
        if (value == null || sign == null) {
            return value;
        }
        return switch (sign) {
            case "4", "5" -> value.abs().negate();
            case "1", "2" -> value.abs();
            case "3" -> BigDecimal.ZERO.setScale(value.scale());
            default -> value;
        };
    }

    private static BigDecimal positiveOrNull(BigDecimal value) {
        return value.signum() > 0 ? value : null;
    }

    private static JsonNode parse(int status, String body) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject()) {
                throw new ProviderException.Unavailable(KIS, "HTTP " + status + ": not a JSON object", null);
            }
            return root;
        } catch (JacksonException e) {
            throw new ProviderException.Unavailable(KIS, "HTTP " + status + ": unreadable answer", e);
        }
    }
}
