package dev.tarsspeedy.standin.market;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * The KIS open API as the live server answers it: {@code POST /oauth2/tokenP} and the domestic quotations {@code
 * inquire-price} ({@code FHKST01010100}), {@code intstock-multprice} ({@code FHKST11300006}, up to 30 codes) and
 * {@code search-stock-info} ({@code CTPF1002R}), and {@code inquire-ccnl} ({@code FHKST01010300}, the latest trades,
 * the one of these calls that carries a time: {@code stck_cntg_hour}). Every number is a string; errors of the quotation calls come as HTTP
 * 500 with {@code rt_cd "1"}, {@code msg_cd} and {@code msg1}; errors of the token call as HTTP 403 with {@code
 * error_code} and {@code error_description}.
 */
final class KisApi {

    static final String INQUIRE_PRICE = "FHKST01010100";
    static final String MULTI_PRICE = "FHKST11300006";
    static final String STOCK_INFO = "CTPF1002R";
    static final String TRADES = "FHKST01010300";
    static final int MAX_CODES = 30;

    private static final ZoneId KST = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HHmmss");
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(24);
    /** The live server hands the same token again to a re-issue within six hours of the first. */
    private static final Duration SAME_TOKEN_WINDOW = Duration.ofHours(6);

    private final MarketStandIn market;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Map<String, Token> lastTokenOfKey = new ConcurrentHashMap<>();
    private final Map<String, RateWindow> limits = new ConcurrentHashMap<>();

    KisApi(MarketStandIn market) {
        this.market = market;
    }

    private record Token(String value, String appKey, Instant issuedAt, Instant expiresAt) {}

    void handle(Http http, String endpoint) throws IOException {
        if (http.path.equals("/oauth2/tokenP")) {
            token(http);
            return;
        }
        String base = "/uapi/domestic-stock/v1/quotations/";
        if (!http.path.startsWith(base) || !http.method.equals("GET")) {
            http.text(404, "Not Found");
            return;
        }
        String expectedTrId = switch (endpoint) {
            case "inquire-price" -> INQUIRE_PRICE;
            case "intstock-multprice" -> MULTI_PRICE;
            case "search-stock-info" -> STOCK_INFO;
            case "inquire-ccnl" -> TRADES;
            default -> null;
        };
        if (expectedTrId == null) {
            http.text(404, "Not Found");
            return;
        }
        Optional<Map<String, Object>> refused = refuse(http, expectedTrId);
        if (refused.isPresent()) {
            http.exchange.getResponseHeaders().set("tr_id", String.valueOf(http.header("tr_id")));
            http.json(500, refused.get());
            return;
        }
        http.exchange.getResponseHeaders().set("tr_id", expectedTrId);
        http.exchange.getResponseHeaders().set("tr_cont", "");
        http.exchange.getResponseHeaders().set("gt_uid", HexFormat.of().formatHex(bytes(16)));
        switch (endpoint) {
            case "inquire-price" -> inquirePrice(http);
            case "intstock-multprice" -> multiPrice(http);
            case "inquire-ccnl" -> trades(http);
            default -> stockInfo(http);
        }
    }

    // ---------------------------------------------------------------------------------------------------- token

    private void token(Http http) throws IOException {
        if (!http.method.equals("POST")) {
            http.text(405, "Method Not Allowed");
            return;
        }
        JsonNode body = http.jsonBody();
        String grantType = body == null ? "" : body.path("grant_type").asString("");
        String appKey = body == null ? "" : body.path("appkey").asString("");
        String appSecret = body == null ? "" : body.path("appsecret").asString("");
        if (!grantType.equals("client_credentials")) {
            http.json(403, tokenError("EGW00002", "grant_type 이 유효하지 않습니다."));
            return;
        }
        if (market.controls().refusesKeys(Provider.KIS)
                || appKey.isBlank()
                || !matches(market.settings().kisAppKey(), appKey)) {
            http.json(403, tokenError("EGW00103", "유효하지 않은 AppKey입니다."));
            return;
        }
        if (appSecret.isBlank() || !matches(market.settings().kisAppSecret(), appSecret)) {
            http.json(403, tokenError("EGW00105", "유효하지 않은 AppSecret입니다."));
            return;
        }
        Instant now = market.clock().instant();
        Token answer;
        synchronized (lastTokenOfKey) {
            Token last = lastTokenOfKey.get(appKey);
            if (last != null
                    && now.isBefore(last.issuedAt().plus(market.settings().kisTokenReissue()))) {
                http.json(403, tokenError("EGW00133", "접근토큰 발급 잠시 후 다시 시도하세요(1분당 1회)"));
                return;
            }
            if (last != null
                    && now.isBefore(last.issuedAt().plus(SAME_TOKEN_WINDOW))
                    && now.isBefore(last.expiresAt())) {
                answer = last;
            } else {
                answer = new Token(jwt(appKey, now), appKey, now, now.plus(TOKEN_LIFETIME));
                tokens.put(answer.value(), answer);
            }
            // the one-a-minute rule counts from the last call that got a token, the same one or a new one
            lastTokenOfKey.put(appKey, new Token(answer.value(), appKey, now, answer.expiresAt()));
        }
        market.calls().tokenIssued();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("access_token", answer.value());
        out.put(
                "access_token_token_expired",
                LocalDateTime.ofInstant(answer.expiresAt(), KST).format(EXPIRY));
        out.put("token_type", "Bearer");
        out.put(
                "expires_in",
                Math.max(0, Duration.between(now, answer.expiresAt()).toSeconds()));
        http.json(200, out);
    }

    private static Map<String, Object> tokenError(String code, String description) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("error_description", description);
        out.put("error_code", code);
        return out;
    }

    /** A token shaped as the live one (a signed JWT); only this stand-in can check it. */
    private String jwt(String appKey, Instant now) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"typ\":\"JWT\",\"alg\":\"HS512\"}".getBytes(StandardCharsets.UTF_8));
        String claims = "{\"sub\":\"token\",\"aud\":\"" + HexFormat.of().formatHex(bytes(16))
                + "\",\"prdt_cd\":\"\",\"iss\":\"unogw\",\"exp\":"
                + now.plus(TOKEN_LIFETIME).getEpochSecond()
                + ",\"iat\":" + now.getEpochSecond() + ",\"jti\":\"" + appKey.replaceAll("[^A-Za-z0-9_-]", "")
                + "\"}";
        return header + "." + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(bytes(64));
    }

    // ---------------------------------------------------------------------------------------------------- checks

    /** The error body if the call is refused: bad key, bad or expired token, the per-second limit, a wrong tr_id. */
    private Optional<Map<String, Object>> refuse(Http http, String expectedTrId) {
        String appKey = http.header("appkey");
        String appSecret = http.header("appsecret");
        if (market.controls().refusesKeys(Provider.KIS)
                || appKey == null
                || appKey.isBlank()
                || !matches(market.settings().kisAppKey(), appKey)) {
            return Optional.of(error("EGW00103", "유효하지 않은 AppKey입니다."));
        }
        if (appSecret == null
                || appSecret.isBlank()
                || !matches(market.settings().kisAppSecret(), appSecret)) {
            return Optional.of(error("EGW00105", "유효하지 않은 AppSecret입니다."));
        }
        String authorization = http.header("authorization");
        String value = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim()
                : null;
        Token token = value == null ? null : tokens.get(value);
        if (token == null || !token.appKey().equals(appKey)) {
            return Optional.of(error("EGW00121", "유효하지 않은 token 입니다."));
        }
        if (!market.clock().instant().isBefore(token.expiresAt())) {
            return Optional.of(error("EGW00123", "기간이 만료된 token 입니다."));
        }
        RateWindow limit = limits.computeIfAbsent(
                appKey, k -> new RateWindow(market.settings().kisCallsPerSecond(), 1_000_000_000L));
        if (!limit.tryAcquire(market.nanoTime())) {
            return Optional.of(error("EGW00201", "초당 거래건수를 초과하였습니다."));
        }
        String trId = http.header("tr_id");
        if (trId == null || !trId.equals(expectedTrId)) {
            return Optional.of(error("EGW00203", "OPS라우팅 중 오류가 발생했습니다."));
        }
        return Optional.empty();
    }

    static Map<String, Object> error(String code, String message) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rt_cd", "1");
        out.put("msg_cd", code);
        out.put("msg1", message);
        return out;
    }

    private static Map<String, Object> ok(String outputName, Object output) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(outputName, output);
        out.put("rt_cd", "0");
        out.put("msg_cd", "MCA00000");
        out.put("msg1", "정상처리 되었습니다.");
        return out;
    }

    private static boolean matches(String configured, String given) {
        return configured == null || configured.equals(given);
    }

    // ---------------------------------------------------------------------------------------------------- calls

    private void inquirePrice(Http http) throws IOException {
        String division = http.param("FID_COND_MRKT_DIV_CODE");
        String code = http.param("FID_INPUT_ISCD");
        if (division == null || division.isBlank()) {
            http.json(500, inputError("FID_COND_MRKT_DIV_CODE"));
            return;
        }
        if (code == null || code.isBlank()) {
            http.json(500, inputError("FID_INPUT_ISCD"));
            return;
        }
        Optional<Listing> listing = krx(code);
        if (listing.isEmpty()) {
            // the live server answers an unknown code with success and every figure 0
            http.json(200, ok("output", priceOutput(null, null, code)));
            return;
        }
        PriceModel.Snapshot s = market.snapshot(listing.get(), market.now(Provider.KIS));
        boolean zero = market.controls().zero(Provider.KIS, code);
        http.json(200, ok("output", priceOutput(s, zero ? BigDecimal.ZERO : null, code)));
    }

    private void multiPrice(Http http) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        Instant at = market.now(Provider.KIS);
        for (int i = 1; i <= MAX_CODES; i++) {
            String code = http.param("FID_INPUT_ISCD_" + i);
            if (code == null || code.isBlank()) {
                continue;
            }
            Optional<Listing> listing = krx(code.trim());
            PriceModel.Snapshot s = listing.map(l -> market.snapshot(l, at)).orElse(null);
            boolean zero = s == null || market.controls().zero(Provider.KIS, code);
            rows.add(multiRow(s, zero, code.trim()));
        }
        if (rows.isEmpty()) {
            http.json(500, inputError("FID_INPUT_ISCD_1"));
            return;
        }
        http.json(200, ok("output", rows));
    }

    /** The latest 30 trades, newest first, ten seconds apart, each with its time of day in Seoul. */
    private void trades(Http http) throws IOException {
        String code = http.param("FID_INPUT_ISCD");
        if (code == null || code.isBlank()) {
            http.json(500, inputError("FID_INPUT_ISCD"));
            return;
        }
        Optional<Listing> listing = krx(code.trim());
        List<Map<String, Object>> rows = new ArrayList<>();
        if (listing.isPresent()) {
            boolean zero = market.controls().zero(Provider.KIS, code.trim());
            PriceModel.Snapshot latest = market.snapshot(listing.get(), market.now(Provider.KIS));
            for (int i = 0; i < 30; i++) {
                Instant at = latest.asOf().minusSeconds(10L * i);
                PriceModel.Snapshot s = i == 0 ? latest : market.snapshot(listing.get(), at);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("stck_cntg_hour", LocalDateTime.ofInstant(at, KST).format(TIME_OF_DAY));
                row.put("stck_prpr", zero ? "0" : krw(s.price()));
                row.put("prdy_vrss", zero ? "0" : krw(s.change()));
                row.put("prdy_vrss_sign", zero ? "3" : sign(s));
                row.put("cntg_vol", String.valueOf(Math.max(1, s.volume() / 2_000)));
                row.put("tday_rltv", "100.00");
                row.put("prdy_ctrt", zero ? "0.00" : s.changePercent().toPlainString());
                rows.add(row);
            }
        }
        http.json(200, ok("output", rows));
    }

    private void stockInfo(Http http) throws IOException {
        String type = http.param("PRDT_TYPE_CD");
        String code = http.param("PDNO");
        if (type == null || type.isBlank()) {
            http.json(500, inputError("PRDT_TYPE_CD"));
            return;
        }
        if (code == null || code.isBlank()) {
            http.json(500, inputError("PDNO"));
            return;
        }
        Optional<Listing> found = krx(code.trim());
        if (found.isEmpty() || !type.equals("300")) {
            Map<String, Object> none = new LinkedHashMap<>();
            none.put("rt_cd", "0");
            none.put("msg_cd", "KIOK0560");
            none.put("msg1", "조회할 내용이 없습니다                                                                  ");
            none.put("output", Map.of());
            http.json(200, none);
            return;
        }
        Listing l = found.get();
        PriceModel.Snapshot s = market.snapshot(l, market.now(Provider.KIS));
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("pdno", "00000A" + l.symbol());
        o.put("prdt_type_cd", "300");
        o.put("mket_id_cd", l.exchange().equals("KOSPI") ? "STK" : "KSQ");
        o.put("scty_grp_id_cd", "ST");
        o.put("excg_dvsn_cd", l.exchange().equals("KOSPI") ? "02" : "03");
        o.put("setl_mmdd", "1231");
        o.put("lstg_stqt", String.valueOf(FscApi.listedShares(l)));
        o.put("lstg_cptl_amt", "0");
        o.put("cpta", "0");
        o.put("papr", "0");
        o.put("issu_pric", "0");
        o.put("kospi200_item_yn", l.exchange().equals("KOSPI") && l.rank() <= 200 ? "Y" : "N");
        o.put("scts_mket_lstg_dt", "");
        o.put("scts_mket_lstg_abol_dt", "");
        o.put("kosdaq_mket_lstg_dt", "");
        o.put("kosdaq_mket_lstg_abol_dt", "");
        o.put("prdt_name", l.name());
        o.put("prdt_name120", l.name());
        o.put("prdt_abrv_name", l.name());
        o.put("prdt_eng_name", l.englishName());
        o.put("prdt_eng_name120", l.englishName());
        o.put("prdt_eng_abrv_name", l.englishName());
        o.put("std_pdno", l.isin());
        o.put("tr_stop_yn", "N");
        o.put("admn_item_yn", "N");
        o.put("thdt_clpr", s.inSession() ? "0" : s.price().toPlainString());
        o.put("bfdy_clpr", s.previousClose().toPlainString());
        o.put("clpr_chng_dt", s.day().format(DAY));
        o.put("std_idst_clsf_cd", "");
        o.put("std_idst_clsf_cd_name", "");
        o.put("idx_bztp_lcls_cd_name", "");
        o.put("stck_kind_cd", "101");
        o.put("cptt_trad_tr_psbl_yn", "Y");
        o.put("nxt_tr_stop_yn", "N");
        http.json(200, ok("output", o));
    }

    private Optional<Listing> krx(String code) {
        return market.master().find(code).filter(l -> l.market() == Market.KRX);
    }

    private static Map<String, Object> inputError(String field) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rt_cd", "1");
        out.put("msg_cd", "OPSQ2001");
        out.put("msg1", "ERROR : INPUT_FIELD_NAME " + field);
        return out;
    }

    // ---------------------------------------------------------------------------------------------------- outputs

    /** The {@code inquire-price} output; with no snapshot (unknown code) or a forced price of 0, every figure 0. */
    private static Map<String, Object> priceOutput(PriceModel.Snapshot s, BigDecimal forced, String code) {
        boolean zero = s == null || forced != null;
        Map<String, Object> o = new LinkedHashMap<>();
        Listing l = s == null ? null : s.listing();
        o.put("iscd_stat_cls_code", s == null ? "" : "55");
        o.put("marg_rate", s == null ? "0.00" : "20.00");
        o.put("rprs_mrkt_kor_name", l == null ? "" : l.exchange().equals("KOSPI") ? "KOSPI200" : "KOSDAQ");
        o.put("new_hgpr_lwpr_cls_code", "");
        o.put("bstp_kor_isnm", "");
        o.put("temp_stop_yn", "N");
        o.put("oprc_rang_cont_yn", "N");
        o.put("clpr_rang_cont_yn", "N");
        o.put("crdt_able_yn", s == null ? "N" : "Y");
        o.put("grmn_rate_cls_code", s == null ? "" : "40");
        o.put("elw_pblc_yn", "N");
        o.put("stck_prpr", zero ? "0" : krw(s.price()));
        o.put("prdy_vrss", zero ? "0" : krw(s.change()));
        o.put("prdy_vrss_sign", zero ? "3" : sign(s));
        o.put("prdy_ctrt", zero ? "0.00" : s.changePercent().toPlainString());
        o.put("acml_tr_pbmn", zero ? "0" : String.valueOf(s.turnover()));
        o.put("acml_vol", zero ? "0" : String.valueOf(s.volume()));
        o.put("prdy_vrss_vol_rate", zero ? "0.00" : "100.00");
        o.put("stck_oprc", zero ? "0" : krw(s.open()));
        o.put("stck_hgpr", zero ? "0" : krw(s.high()));
        o.put("stck_lwpr", zero ? "0" : krw(s.low()));
        o.put("stck_mxpr", zero ? "0" : krw(limit(s.previousClose(), 1.3)));
        o.put("stck_llam", zero ? "0" : krw(limit(s.previousClose(), 0.7)));
        o.put("stck_sdpr", zero ? "0" : krw(s.previousClose()));
        o.put("wghn_avrg_stck_prc", zero ? "0.00" : average(s));
        o.put("hts_frgn_ehrt", zero ? "0.00" : "25.00");
        o.put("frgn_ntby_qty", "0");
        o.put("pgtr_ntby_qty", "0");
        o.put("pvt_scnd_dmrs_prc", "0");
        o.put("pvt_frst_dmrs_prc", "0");
        o.put("pvt_pont_val", "0");
        o.put("pvt_frst_dmsp_prc", "0");
        o.put("pvt_scnd_dmsp_prc", "0");
        o.put("dmrs_val", "0");
        o.put("dmsp_val", "0");
        o.put("cpfn", "0");
        o.put("rstc_wdth_prc", zero ? "0" : krw(limit(s.previousClose(), 1.3).subtract(s.previousClose())));
        o.put("stck_fcam", "0");
        o.put("stck_sspr", "0");
        o.put("aspr_unit", zero ? "0" : String.valueOf(Ticks.krxTick(s.price().doubleValue())));
        o.put("hts_deal_qty_unit_val", "1");
        o.put("lstn_stcn", l == null ? "0" : String.valueOf(FscApi.listedShares(l)));
        o.put(
                "hts_avls",
                zero ? "0" : String.valueOf(FscApi.listedShares(l) * s.price().longValue() / 100_000_000L));
        o.put("per", "0.00");
        o.put("pbr", "0.00");
        o.put("stac_month", s == null ? "" : "12");
        o.put("vol_tnrt", "0.00");
        o.put("eps", "0.00");
        o.put("bps", "0.00");
        o.put("d250_hgpr", zero ? "0" : krw(s.week52High()));
        o.put("d250_hgpr_date", s == null ? "" : s.week52HighDay().format(DAY));
        o.put("d250_hgpr_vrss_prpr_rate", zero ? "0.00" : rate(s.price(), s.week52High()));
        o.put("d250_lwpr", zero ? "0" : krw(s.week52Low()));
        o.put("d250_lwpr_date", s == null ? "" : s.week52LowDay().format(DAY));
        o.put("d250_lwpr_vrss_prpr_rate", zero ? "0.00" : rate(s.price(), s.week52Low()));
        o.put("stck_dryy_hgpr", zero ? "0" : krw(s.week52High()));
        o.put("dryy_hgpr_vrss_prpr_rate", zero ? "0.00" : rate(s.price(), s.week52High()));
        o.put("dryy_hgpr_date", s == null ? "" : s.week52HighDay().format(DAY));
        o.put("stck_dryy_lwpr", zero ? "0" : krw(s.week52Low()));
        o.put("dryy_lwpr_vrss_prpr_rate", zero ? "0.00" : rate(s.price(), s.week52Low()));
        o.put("dryy_lwpr_date", s == null ? "" : s.week52LowDay().format(DAY));
        o.put("w52_hgpr", zero ? "0" : krw(s.week52High()));
        o.put("w52_hgpr_vrss_prpr_ctrt", zero ? "0.00" : rate(s.price(), s.week52High()));
        o.put("w52_hgpr_date", s == null ? "" : s.week52HighDay().format(DAY));
        o.put("w52_lwpr", zero ? "0" : krw(s.week52Low()));
        o.put("w52_lwpr_vrss_prpr_ctrt", zero ? "0.00" : rate(s.price(), s.week52Low()));
        o.put("w52_lwpr_date", s == null ? "" : s.week52LowDay().format(DAY));
        o.put("whol_loan_rmnd_rate", "0.00");
        o.put("ssts_yn", s == null ? "N" : "Y");
        o.put("stck_shrn_iscd", s == null ? code : l.symbol());
        o.put("fcam_cnnm", "");
        o.put("cpfn_cnnm", "");
        o.put("apprch_rate", "0.00");
        o.put("frgn_hldn_qty", "0");
        o.put("vi_cls_code", "N");
        o.put("ovtm_vi_cls_code", "N");
        o.put("last_ssts_cntg_qty", "0");
        o.put("invt_caful_yn", "N");
        o.put("mrkt_warn_cls_code", "00");
        o.put("short_over_yn", "N");
        o.put("sltr_yn", "N");
        o.put("mang_issu_cls_code", "N");
        return o;
    }

    private static Map<String, Object> multiRow(PriceModel.Snapshot s, boolean zero, String code) {
        Map<String, Object> o = new LinkedHashMap<>();
        Listing l = s == null ? null : s.listing();
        o.put("kospi_kosdaq_cls_name", l == null ? "" : l.exchange().equals("KOSPI") ? "코스피" : "코스닥");
        o.put("mrkt_trtm_cls_name", "");
        o.put("hour_cls_code", s != null && s.inSession() ? "0" : "A");
        o.put("inter_shrn_iscd", code);
        o.put("inter_kor_isnm", l == null ? "" : l.name());
        o.put("inter2_prpr", zero ? "0" : krw(s.price()));
        o.put("inter2_prdy_vrss", zero ? "0" : krw(s.change()));
        o.put("prdy_vrss_sign", zero ? "3" : sign(s));
        o.put("prdy_ctrt", zero ? "0.00" : s.changePercent().toPlainString());
        o.put("acml_vol", zero ? "0" : String.valueOf(s.volume()));
        o.put("inter2_oprc", zero ? "0" : krw(s.open()));
        o.put("inter2_hgpr", zero ? "0" : krw(s.high()));
        o.put("inter2_lwpr", zero ? "0" : krw(s.low()));
        o.put("inter2_llam", zero ? "0" : krw(limit(s.previousClose(), 0.7)));
        o.put("inter2_mxpr", zero ? "0" : krw(limit(s.previousClose(), 1.3)));
        o.put(
                "inter2_askp",
                zero
                        ? "0"
                        : krw(s.price()
                                .add(BigDecimal.valueOf(Ticks.krxTick(s.price().doubleValue())))));
        o.put("inter2_bidp", zero ? "0" : krw(s.price()));
        o.put("seln_rsqn", "0");
        o.put("shnu_rsqn", "0");
        o.put("total_askp_rsqn", "0");
        o.put("total_bidp_rsqn", "0");
        o.put("acml_tr_pbmn", zero ? "0" : String.valueOf(s.turnover()));
        o.put("inter2_prdy_clpr", zero ? "0" : krw(s.previousClose()));
        o.put("oprc_vrss_hgpr_rate", zero ? "0.00" : rate(s.high(), s.open()));
        o.put("intr_antc_cntg_vrss", "0");
        o.put("intr_antc_cntg_vrss_sign", "3");
        o.put("intr_antc_cntg_prdy_ctrt", "0.00");
        o.put("intr_antc_vol", "0");
        o.put("inter2_sdpr", zero ? "0" : krw(s.previousClose()));
        return o;
    }

    /** KIS's sign of the change: 1 upper limit, 2 up, 3 unchanged, 4 lower limit, 5 down. */
    private static String sign(PriceModel.Snapshot s) {
        int cmp = s.price().compareTo(s.previousClose());
        if (cmp == 0) {
            return "3";
        }
        if (cmp > 0) {
            return s.price().compareTo(limit(s.previousClose(), 1.3)) >= 0 ? "1" : "2";
        }
        return s.price().compareTo(limit(s.previousClose(), 0.7)) <= 0 ? "4" : "5";
    }

    private static BigDecimal limit(BigDecimal previousClose, double factor) {
        double raw = previousClose.doubleValue() * factor;
        long tick = Ticks.krxTick(raw);
        long ticks = factor > 1 ? (long) Math.floor(raw / tick) : (long) Math.ceil(raw / tick);
        return BigDecimal.valueOf(ticks * tick);
    }

    private static String average(PriceModel.Snapshot s) {
        return s.open()
                .add(s.high())
                .add(s.low())
                .add(s.price())
                .divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_UP)
                .toPlainString();
    }

    private static String rate(BigDecimal price, BigDecimal reference) {
        if (reference.signum() == 0) {
            return "0.00";
        }
        return price.subtract(reference)
                .multiply(BigDecimal.valueOf(100))
                .divide(reference, 2, RoundingMode.HALF_UP)
                .toPlainString();
    }

    private static String krw(BigDecimal value) {
        return value.setScale(0, RoundingMode.HALF_UP).toPlainString();
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
