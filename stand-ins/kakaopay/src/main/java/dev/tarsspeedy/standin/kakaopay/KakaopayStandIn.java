package dev.tarsspeedy.standin.kakaopay;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Kakaopay's online payment API on a local port, for the local stack and tests: {@code POST
 * /online/v1/payment/ready|approve|order|cancel} with JSON bodies as the real service takes and gives them, the same
 * checks (secret key, cid, partner ids, amounts, pg_token, states, the 15 minutes of a ready transaction) and the same
 * error shape, plus the buyer's page behind {@code next_redirect_pc_url}.
 *
 * <pre>{@code
 * try (KakaopayStandIn kakaopay = KakaopayStandIn.start(0, "DEV-SECRET")) {
 *     String base = kakaopay.baseUrl();  // http://127.0.0.1:PORT
 *     kakaopay.failures().fail(Endpoint.APPROVE, FailureMode.DECLINE, 1);
 * }
 * }</pre>
 *
 * <p>Control endpoint (no key needed): {@code POST /__stand-in/failures} with {@code {"approve":"TIMEOUT","times":1}}
 * (keys {@code ready}, {@code approve}, {@code order}, {@code cancel}; optional {@code timeoutDelayMillis}); {@code
 * DELETE /__stand-in/failures} switches every failure off.
 */
public final class KakaopayStandIn implements AutoCloseable {

    /** The cid of Kakaopay's test merchant (single payments). */
    public static final String TEST_CID = "TC0ONETIME";
    /** A ready transaction the buyer has not approved within this time cannot be approved any more. */
    public static final Duration READY_LIFETIME = Duration.ofMinutes(15);

    static final String PAGES = "/online/v1/payment/pages/";
    static final String CONTROL = "/__stand-in/failures";
    /** 200 once the stand-in serves: what the local stack waits for. */
    static final String HEALTH = "/__stand-in/health";

    private static final Logger log = Logger.getLogger(KakaopayStandIn.class.getName());
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId KST = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final int MAX_BODY = 64 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final String secretKey;
    private final Set<String> cids;
    private final Clock clock;
    private final Failures failures = new Failures();
    private final Map<String, Transaction> transactions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong sequence = new AtomicLong();

    private KakaopayStandIn(HttpServer server, String secretKey, Set<String> cids, Clock clock) {
        this.server = server;
        this.secretKey = secretKey;
        this.cids = cids;
        this.clock = clock;
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts on the port ({@code 0}: a free one) of the loopback address, accepting the test cid only. */
    public static KakaopayStandIn start(int port, String secretKey) {
        return start(port, secretKey, Clock.systemUTC());
    }

    /** As {@link #start(int, String)}, with the clock that decides when ready transactions expire. */
    public static KakaopayStandIn start(int port, String secretKey, Clock clock) {
        return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), secretKey, Set.of(TEST_CID), clock);
    }

    /** Starts on the address, accepting the given cids. */
    public static KakaopayStandIn start(InetSocketAddress address, String secretKey, Set<String> cids, Clock clock) {
        Objects.requireNonNull(secretKey, "secretKey");
        if (secretKey.isBlank()) {
            throw new IllegalArgumentException("secret key must not be blank");
        }
        try {
            return new KakaopayStandIn(HttpServer.create(address, 64), secretKey, Set.copyOf(cids), clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address, e);
        }
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public String baseUrl() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public Failures failures() {
        return failures;
    }

    /** What the stand-in knows of a tid, for tests. */
    public Optional<PaymentView> payment(String tid) {
        return Optional.ofNullable(transactions.get(tid)).map(KakaopayStandIn::view);
    }

    /** Every transaction of a partner order, oldest first. */
    public List<PaymentView> paymentsOfOrder(String partnerOrderId) {
        return transactions.values().stream()
                .filter(tx -> tx.partnerOrderId.equals(partnerOrderId))
                .sorted((a, b) -> a.createdAt.compareTo(b.createdAt))
                .map(KakaopayStandIn::view)
                .toList();
    }

    /**
     * What the Approve button does: the buyer authenticated; returns the {@code pg_token} the browser would carry to
     * {@code approval_url}.
     */
    public String authorize(String tid) {
        Transaction tx = transactions.get(tid);
        if (tx == null) {
            throw new IllegalArgumentException("no such tid: " + tid);
        }
        synchronized (tx) {
            if (!tx.awaitingBuyer() || expired(tx)) {
                throw new IllegalStateException("tid " + tid + " is " + tx.status + (expired(tx) ? " (expired)" : ""));
            }
            tx.pgToken = HexFormat.of().formatHex(bytes(10));
            tx.status = "AUTH_PASSWORD";
            return tx.pgToken;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** A tid's state as Kakaopay's order endpoint would report it. */
    public record PaymentView(
            String tid,
            String status,
            String partnerOrderId,
            String partnerUserId,
            long totalAmount,
            long canceledAmount,
            int approvals,
            int cancels) {}

    private static PaymentView view(Transaction tx) {
        synchronized (tx) {
            return new PaymentView(
                    tx.tid,
                    tx.status,
                    tx.partnerOrderId,
                    tx.partnerUserId,
                    tx.totalAmount,
                    tx.canceledAmount,
                    tx.approvals,
                    tx.cancels);
        }
    }

    // ---------------------------------------------------------------------------------------------------- routing

    private void handle(HttpExchange exchange) {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if (path.equals(HEALTH)) {
                send(
                        exchange,
                        200,
                        "application/json;charset=UTF-8",
                        "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8));
            } else if (path.equals(CONTROL)) {
                control(exchange, method);
            } else if (path.startsWith(PAGES)) {
                page(exchange, method, path.substring(PAGES.length()));
            } else {
                Optional<Endpoint> endpoint = endpointOf(path);
                if (endpoint.isEmpty()) {
                    sendJson(exchange, 404, error(-404, "Not Found", null, null));
                } else if (!method.equals("POST")) {
                    exchange.getResponseHeaders().set("Allow", "POST");
                    sendJson(exchange, 405, error(-405, "Method Not Allowed", null, null));
                } else {
                    api(exchange, endpoint.get());
                }
            }
        } catch (IOException e) {
            log.log(Level.FINE, "client went away", e);
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "stand-in failed on " + exchange.getRequestURI(), e);
            try {
                if (exchange.getResponseCode() == -1) {
                    sendJson(exchange, 500, error(-9999, "internal error of the stand-in", null, null));
                }
            } catch (IOException | RuntimeException ignored) {
                // the client went away
            }
        }
    }

    private static Optional<Endpoint> endpointOf(String path) {
        for (Endpoint endpoint : Endpoint.values()) {
            if (endpoint.path().equals(path)) {
                return Optional.of(endpoint);
            }
        }
        return Optional.empty();
    }

    private void api(HttpExchange exchange, Endpoint endpoint) throws IOException {
        ObjectNode answer;
        Optional<FailureMode> failure;
        try {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.equals("SECRET_KEY " + secretKey)) {
                throw new KakaopayError(401, -401, "invalid secret key or missing Authorization: SECRET_KEY ...");
            }
            JsonNode body = readJson(exchange);
            String cid = text(body, "cid", true);
            if (!cids.contains(cid)) {
                throw new KakaopayError(400, -3, "cid " + cid + " is not allowed for this secret key");
            }
            failure = failures.take(endpoint);
            if (failure.isPresent() && failure.get() == FailureMode.SERVER_ERROR) {
                sendJson(exchange, 500, error(-9798, "Internal Server Error", null, null));
                return;
            }
            if (failure.isPresent() && failure.get() == FailureMode.DECLINE) {
                throw declined(endpoint, body);
            }
            answer = switch (endpoint) {
                case READY -> ready(cid, body);
                case APPROVE -> approve(cid, body);
                case ORDER -> order(cid, body);
                case CANCEL -> cancel(cid, body);
            };
        } catch (KakaopayError e) {
            sendJson(exchange, e.httpStatus, error(e.code, e.getMessage(), e.methodResultCode, e.methodResultMessage));
            return;
        }
        if (failure.isPresent() && failure.get() == FailureMode.TIMEOUT) {
            try {
                Thread.sleep(failures.timeoutDelay());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        sendJson(exchange, 200, answer);
    }

    private KakaopayError declined(Endpoint endpoint, JsonNode body) {
        if (endpoint == Endpoint.APPROVE) {
            Transaction tx = transactions.get(body.path("tid").asString(""));
            if (tx != null) {
                synchronized (tx) {
                    if (!tx.approved()) {
                        tx.status = "FAIL_PAYMENT";
                    }
                }
            }
        }
        return new KakaopayError(
                400, -780, "approval failure", "DECLINED", "결제가 거절되었습니다 (the payment method declined)");
    }

    // ---------------------------------------------------------------------------------------------------- the API

    private ObjectNode ready(String cid, JsonNode body) {
        String partnerOrderId = text(body, "partner_order_id", true);
        String partnerUserId = text(body, "partner_user_id", true);
        String itemName = text(body, "item_name", true);
        String itemCode = text(body, "item_code", false);
        long quantity = number(body, "quantity", true);
        long total = number(body, "total_amount", true);
        long taxFree = number(body, "tax_free_amount", true);
        Long vat = body.has("vat_amount") ? number(body, "vat_amount", true) : null;
        String approvalUrl = url(body, "approval_url");
        String cancelUrl = url(body, "cancel_url");
        String failUrl = url(body, "fail_url");
        if (partnerOrderId.length() > 100 || partnerUserId.length() > 100 || itemName.length() > 100) {
            throw KakaopayError.invalid("partner_order_id, partner_user_id and item_name are at most 100 characters");
        }
        if (quantity < 1 || quantity > Integer.MAX_VALUE) {
            throw KakaopayError.invalid("quantity must be a positive integer");
        }
        if (total < 1) {
            throw KakaopayError.invalid("total_amount must be positive");
        }
        if (taxFree < 0 || taxFree > total) {
            throw KakaopayError.invalid("tax_free_amount must be between 0 and total_amount");
        }
        long vatAmount = vat != null ? vat : Math.round((total - taxFree) / 11.0);
        if (vatAmount < 0 || vatAmount > total - taxFree) {
            throw KakaopayError.invalid("vat_amount must not exceed total_amount - tax_free_amount");
        }
        Instant now = clock.instant();
        String tid = "T" + Long.toString(now.toEpochMilli(), 36).toUpperCase()
                + HexFormat.of().formatHex(bytes(6)).toUpperCase()
                + sequence.incrementAndGet();
        Transaction tx = new Transaction(
                tid,
                cid,
                partnerOrderId,
                partnerUserId,
                itemName,
                itemCode,
                (int) quantity,
                total,
                taxFree,
                vatAmount,
                approvalUrl,
                cancelUrl,
                failUrl,
                now);
        transactions.put(tid, tx);
        String page = baseUrl() + PAGES + tid;
        ObjectNode answer = JSON.createObjectNode();
        answer.put("tid", tid);
        answer.put("tms_result", false);
        answer.put("created_at", time(now));
        answer.put("next_redirect_pc_url", page);
        answer.put("next_redirect_mobile_url", page + "?device=mobile");
        answer.put("next_redirect_app_url", page + "?device=app");
        answer.put("android_app_scheme", "kakaotalk://kakaopay/pg?url=" + page);
        answer.put("ios_app_scheme", "kakaotalk://kakaopay/pg?url=" + page);
        return answer;
    }

    private ObjectNode approve(String cid, JsonNode body) {
        Transaction tx = transaction(cid, body);
        String partnerOrderId = text(body, "partner_order_id", true);
        String partnerUserId = text(body, "partner_user_id", true);
        String pgToken = text(body, "pg_token", true);
        Long total = body.has("total_amount") ? number(body, "total_amount", true) : null;
        synchronized (tx) {
            if (!tx.partnerOrderId.equals(partnerOrderId) || !tx.partnerUserId.equals(partnerUserId)) {
                throw new KakaopayError(
                        400, -726, "partner_order_id or partner_user_id does not match the ready request");
            }
            if (tx.approved()) {
                throw new KakaopayError(400, -702, "payment is already done (tid " + tx.tid + " was approved)");
            }
            if (expired(tx)) {
                throw new KakaopayError(400, -723, "payment time expired (15 minutes after ready)");
            }
            if (tx.awaitingBuyer()) {
                throw new KakaopayError(400, -701, "the buyer has not finished authentication (TMS not completed)");
            }
            if (!tx.status.equals("AUTH_PASSWORD")) {
                throw new KakaopayError(
                        400,
                        -780,
                        "approval failure",
                        "INVALID_STATUS",
                        "the payment cannot be approved: " + tx.status);
            }
            if (!tx.pgToken.equals(pgToken)) {
                tx.status = "FAIL_PAYMENT";
                throw new KakaopayError(400, -780, "approval failure", "INVALID_PG_TOKEN", "pg_token is not valid");
            }
            if (total != null && total != tx.totalAmount) {
                tx.status = "FAIL_PAYMENT";
                throw new KakaopayError(
                        400,
                        -780,
                        "approval failure",
                        "AMOUNT_MISMATCH",
                        "total_amount differs from the ready request");
            }
            Instant now = clock.instant();
            tx.status = "SUCCESS_PAYMENT";
            tx.aid = "A" + HexFormat.of().formatHex(bytes(9)).toUpperCase();
            tx.approvedAt = now;
            tx.approvals++;
            tx.actions.add(new Transaction.Action(tx.aid, now, tx.totalAmount, "PAYMENT"));
            ObjectNode answer = JSON.createObjectNode();
            answer.put("aid", tx.aid);
            answer.put("tid", tx.tid);
            answer.put("cid", tx.cid);
            answer.put("partner_order_id", tx.partnerOrderId);
            answer.put("partner_user_id", tx.partnerUserId);
            answer.put("payment_method_type", "MONEY");
            answer.set("amount", amount(tx.totalAmount, tx.taxFreeAmount, tx.vatAmount));
            answer.put("item_name", tx.itemName);
            if (tx.itemCode != null) {
                answer.put("item_code", tx.itemCode);
            }
            answer.put("quantity", tx.quantity);
            answer.put("created_at", time(tx.createdAt));
            answer.put("approved_at", time(now));
            if (body.has("payload")) {
                answer.set("payload", body.get("payload"));
            }
            return answer;
        }
    }

    private ObjectNode order(String cid, JsonNode body) {
        Transaction tx = transaction(cid, body);
        synchronized (tx) {
            ObjectNode answer = JSON.createObjectNode();
            answer.put("tid", tx.tid);
            answer.put("cid", tx.cid);
            answer.put("status", expired(tx) && !tx.approved() && tx.awaitingBuyer() ? "QUIT_PAYMENT" : tx.status);
            answer.put("partner_order_id", tx.partnerOrderId);
            answer.put("partner_user_id", tx.partnerUserId);
            if (tx.approved()) {
                answer.put("payment_method_type", "MONEY");
            }
            answer.set("amount", amount(tx.totalAmount, tx.taxFreeAmount, tx.vatAmount));
            answer.set("canceled_amount", amount(tx.canceledAmount, tx.canceledTaxFreeAmount, tx.canceledVatAmount));
            long available = tx.cancelAvailableAmount();
            answer.set(
                    "cancel_available_amount",
                    amount(
                            available,
                            tx.approved() ? tx.taxFreeAmount - tx.canceledTaxFreeAmount : 0,
                            tx.approved() ? tx.vatAmount - tx.canceledVatAmount : 0));
            answer.put("item_name", tx.itemName);
            if (tx.itemCode != null) {
                answer.put("item_code", tx.itemCode);
            }
            answer.put("quantity", tx.quantity);
            answer.put("created_at", time(tx.createdAt));
            if (tx.approvedAt != null) {
                answer.put("approved_at", time(tx.approvedAt));
            }
            if (tx.canceledAt != null) {
                answer.put("canceled_at", time(tx.canceledAt));
            }
            ArrayNode actions = answer.putArray("payment_action_details");
            for (Transaction.Action action : tx.actions) {
                ObjectNode node = actions.addObject();
                node.put("aid", action.aid());
                node.put("approved_at", time(action.at()));
                node.put("amount", action.amount());
                node.put("point_amount", 0);
                node.put("discount_amount", 0);
                node.put("green_deposit", 0);
                node.put("payment_action_type", action.type());
                node.put("payload", "");
            }
            return answer;
        }
    }

    private ObjectNode cancel(String cid, JsonNode body) {
        Transaction tx = transaction(cid, body);
        long amount = number(body, "cancel_amount", true);
        long taxFree = number(body, "cancel_tax_free_amount", true);
        Long vat = body.has("cancel_vat_amount") ? number(body, "cancel_vat_amount", true) : null;
        Long expectedAvailable =
                body.has("cancel_available_amount") ? number(body, "cancel_available_amount", true) : null;
        if (amount < 1) {
            throw KakaopayError.invalid("cancel_amount must be positive");
        }
        if (taxFree < 0 || taxFree > amount) {
            throw KakaopayError.invalid("cancel_tax_free_amount must be between 0 and cancel_amount");
        }
        synchronized (tx) {
            if (!tx.approved()) {
                throw new KakaopayError(400, -798, "the payment has not been approved, nothing to cancel");
            }
            long available = tx.cancelAvailableAmount();
            if (expectedAvailable != null && expectedAvailable != available) {
                throw new KakaopayError(
                        400, -798, "cancel_available_amount " + expectedAvailable + " does not match " + available);
            }
            if (amount > available) {
                throw new KakaopayError(
                        400, -798, "cancel_amount " + amount + " exceeds the cancel available amount " + available);
            }
            if (taxFree > tx.taxFreeAmount - tx.canceledTaxFreeAmount) {
                throw new KakaopayError(400, -798, "cancel_tax_free_amount exceeds what is left tax free");
            }
            long vatLeft = tx.vatAmount - tx.canceledVatAmount;
            long cancelVat = vat != null ? vat : Math.min(vatLeft, Math.round((amount - taxFree) / 11.0));
            if (amount == available) {
                cancelVat = vatLeft; // the last cancel takes what is left, so the sums come out exact
            }
            Instant now = clock.instant();
            tx.canceledAmount += amount;
            tx.canceledTaxFreeAmount += taxFree;
            tx.canceledVatAmount += cancelVat;
            tx.canceledAt = now;
            tx.cancels++;
            tx.status = tx.canceledAmount == tx.totalAmount ? "CANCEL_PAYMENT" : "PART_CANCEL_PAYMENT";
            String aid = "A" + HexFormat.of().formatHex(bytes(9)).toUpperCase();
            tx.actions.add(new Transaction.Action(aid, now, -amount, "CANCEL"));
            ObjectNode answer = JSON.createObjectNode();
            answer.put("aid", aid);
            answer.put("tid", tx.tid);
            answer.put("cid", tx.cid);
            answer.put("status", tx.status);
            answer.put("partner_order_id", tx.partnerOrderId);
            answer.put("partner_user_id", tx.partnerUserId);
            answer.put("payment_method_type", "MONEY");
            answer.set("amount", amount(tx.totalAmount, tx.taxFreeAmount, tx.vatAmount));
            answer.set("approved_cancel_amount", amount(amount, taxFree, cancelVat));
            answer.set("canceled_amount", amount(tx.canceledAmount, tx.canceledTaxFreeAmount, tx.canceledVatAmount));
            answer.set(
                    "cancel_available_amount",
                    amount(
                            tx.cancelAvailableAmount(),
                            tx.taxFreeAmount - tx.canceledTaxFreeAmount,
                            tx.vatAmount - tx.canceledVatAmount));
            answer.put("item_name", tx.itemName);
            answer.put("quantity", tx.quantity);
            answer.put("created_at", time(tx.createdAt));
            answer.put("approved_at", time(tx.approvedAt));
            answer.put("canceled_at", time(now));
            return answer;
        }
    }

    private Transaction transaction(String cid, JsonNode body) {
        String tid = text(body, "tid", true);
        Transaction tx = transactions.get(tid);
        if (tx == null || !tx.cid.equals(cid)) {
            throw new KakaopayError(400, -721, "tid " + tid + " does not exist");
        }
        return tx;
    }

    private boolean expired(Transaction tx) {
        return !tx.approved() && !clock.instant().isBefore(tx.createdAt.plus(READY_LIFETIME));
    }

    // ---------------------------------------------------------------------------------------------------- the page

    private void page(HttpExchange exchange, String method, String rest) throws IOException {
        String[] parts = rest.split("/", -1);
        Transaction tx = transactions.get(parts[0]);
        if (tx == null || parts.length > 2) {
            sendHtml(exchange, 404, PaymentPage.message("결제 정보를 찾을 수 없습니다", "No such payment"));
            return;
        }
        if (parts.length == 1) {
            if (!method.equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET");
                sendHtml(exchange, 405, PaymentPage.message("잘못된 요청", "Method not allowed"));
                return;
            }
            String html;
            synchronized (tx) {
                if (tx.status.equals("READY") && !expired(tx)) {
                    tx.status = "OPEN_PAYMENT";
                }
                html = PaymentPage.render(tx, expired(tx));
            }
            sendHtml(exchange, 200, html);
            return;
        }
        if (!method.equals("POST")) {
            exchange.getResponseHeaders().set("Allow", "POST");
            sendHtml(exchange, 405, PaymentPage.message("잘못된 요청", "Method not allowed"));
            return;
        }
        exchange.getRequestBody().readNBytes(MAX_BODY);
        String location;
        synchronized (tx) {
            if (!tx.awaitingBuyer()) {
                location = null;
            } else if (expired(tx)) {
                tx.status = "QUIT_PAYMENT";
                location = tx.failUrl;
            } else if (parts[1].equals("approve")) {
                tx.pgToken = HexFormat.of().formatHex(bytes(10));
                tx.status = "AUTH_PASSWORD";
                location = withQuery(tx.approvalUrl, "pg_token=" + tx.pgToken);
            } else if (parts[1].equals("cancel")) {
                tx.status = "QUIT_PAYMENT";
                location = tx.cancelUrl;
            } else {
                sendHtml(exchange, 404, PaymentPage.message("잘못된 주소", "No such page"));
                return;
            }
        }
        if (location == null) {
            sendHtml(exchange, 409, PaymentPage.message("이미 처리된 결제입니다", "This payment was already handled"));
            return;
        }
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    private static String withQuery(String url, String query) {
        int hash = url.indexOf('#');
        String base = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash);
        return base + (base.contains("?") ? "&" : "?") + query + fragment;
    }

    // ---------------------------------------------------------------------------------------------------- control

    private void control(HttpExchange exchange, String method) throws IOException {
        if (method.equals("DELETE")) {
            failures.clear();
            exchange.sendResponseHeaders(204, -1);
            return;
        }
        if (!method.equals("POST")) {
            exchange.getResponseHeaders().set("Allow", "POST, DELETE");
            sendJson(exchange, 405, error(-405, "Method Not Allowed", null, null));
            return;
        }
        try {
            JsonNode body = readJson(exchange);
            int times = body.has("times") ? (int) number(body, "times", true) : 1;
            if (body.has("timeoutDelayMillis")) {
                failures.timeoutDelay(Duration.ofMillis(number(body, "timeoutDelayMillis", true)));
            }
            int armed = 0;
            for (Endpoint endpoint : Endpoint.values()) {
                String key = endpoint.name().toLowerCase(java.util.Locale.ROOT);
                if (body.has(key)) {
                    FailureMode mode;
                    try {
                        mode = FailureMode.valueOf(body.get(key).asString(""));
                    } catch (IllegalArgumentException e) {
                        throw KakaopayError.invalid(key + " must be one of DECLINE, TIMEOUT, SERVER_ERROR");
                    }
                    failures.fail(endpoint, mode, times);
                    armed++;
                }
            }
            if (armed == 0 && !body.has("timeoutDelayMillis")) {
                throw KakaopayError.invalid("name at least one of ready, approve, order, cancel");
            }
            ObjectNode answer = JSON.createObjectNode();
            answer.put("armed", armed);
            answer.put("times", times);
            answer.put("timeoutDelayMillis", failures.timeoutDelay().toMillis());
            sendJson(exchange, 200, answer);
        } catch (KakaopayError e) {
            sendJson(exchange, e.httpStatus, error(e.code, e.getMessage(), null, null));
        } catch (IllegalArgumentException e) {
            sendJson(exchange, 400, error(-2, e.getMessage(), null, null));
        }
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private static JsonNode readJson(HttpExchange exchange) throws IOException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        }
        if (bytes.length > MAX_BODY) {
            throw KakaopayError.invalid("request body too large");
        }
        JsonNode body;
        try {
            body = JSON.readTree(bytes);
        } catch (JacksonException e) {
            throw KakaopayError.invalid("request body is not JSON");
        }
        if (body == null || !body.isObject()) {
            throw KakaopayError.invalid("request body must be a JSON object");
        }
        return body;
    }

    private static String text(JsonNode body, String field, boolean required) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw KakaopayError.invalid(field + " is required");
            }
            return null;
        }
        if (!node.isString() && !node.isNumber()) {
            throw KakaopayError.invalid(field + " must be a string");
        }
        String value = node.asString().trim();
        if (required && value.isEmpty()) {
            throw KakaopayError.invalid(field + " is required");
        }
        return value;
    }

    private static long number(JsonNode body, String field, boolean required) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw KakaopayError.invalid(field + " is required");
            }
            return 0;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isString()) {
            try {
                return Long.parseLong(node.asString().trim());
            } catch (NumberFormatException e) {
                // falls through
            }
        }
        throw KakaopayError.invalid(field + " must be an integer");
    }

    private static String url(JsonNode body, String field) {
        String value = text(body, field, true);
        try {
            URI uri = new URI(value);
            if (uri.getHost() == null
                    || !(uri.getScheme().equalsIgnoreCase("http")
                            || uri.getScheme().equalsIgnoreCase("https"))) {
                throw KakaopayError.invalid(field + " must be an absolute http(s) URL");
            }
        } catch (java.net.URISyntaxException e) {
            throw KakaopayError.invalid(field + " must be an absolute http(s) URL");
        }
        if (value.length() > 255) {
            throw KakaopayError.invalid(field + " is at most 255 characters");
        }
        return value;
    }

    private static ObjectNode amount(long total, long taxFree, long vat) {
        ObjectNode amount = JSON.createObjectNode();
        amount.put("total", total);
        amount.put("tax_free", taxFree);
        amount.put("vat", vat);
        amount.put("point", 0);
        amount.put("discount", 0);
        amount.put("green_deposit", 0);
        return amount;
    }

    private static ObjectNode error(int code, String message, String methodResultCode, String methodResultMessage) {
        ObjectNode error = JSON.createObjectNode();
        error.put("error_code", code);
        error.put("error_message", message);
        if (methodResultCode != null) {
            ObjectNode extras = error.putObject("extras");
            extras.put("method_result_code", methodResultCode);
            extras.put("method_result_message", methodResultMessage);
        }
        return error;
    }

    private static String time(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), KST)
                .format(TIME);
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private static void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        send(exchange, status, "application/json;charset=UTF-8", JSON.writeValueAsBytes(body));
    }

    private static void sendHtml(HttpExchange exchange, int status, String html) throws IOException {
        send(exchange, status, "text/html;charset=UTF-8", html.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
