package dev.tarsspeedy.payment.checkout.client;

import dev.tarsspeedy.payment.checkout.client.KakaopayMessages.ApproveRequest;
import dev.tarsspeedy.payment.checkout.client.KakaopayMessages.ApproveResponse;
import dev.tarsspeedy.payment.checkout.client.KakaopayMessages.CancelRequest;
import dev.tarsspeedy.payment.checkout.client.KakaopayMessages.CancelResponse;
import dev.tarsspeedy.payment.checkout.client.KakaopayMessages.OrderRequest;
import dev.tarsspeedy.payment.checkout.client.KakaopayMessages.OrderResponse;
import dev.tarsspeedy.payment.checkout.client.KakaopayMessages.ReadyRequest;
import dev.tarsspeedy.payment.checkout.client.KakaopayMessages.ReadyResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import reactor.core.publisher.Mono;

/**
 * Kakaopay's online payment API ({@code https://open-api.kakaopay.com/online/v1/payment}), a declarative HTTP client
 * of the {@code kakaopay} group ({@code spring.http.serviceclient.kakaopay.*}). Every call carries {@code
 * Authorization: SECRET_KEY <key>}.
 */
@HttpExchange(
        url = "/online/v1/payment",
        contentType = MediaType.APPLICATION_JSON_VALUE,
        accept = MediaType.APPLICATION_JSON_VALUE)
interface KakaopayApi {

    @PostExchange("/ready")
    Mono<ReadyResponse> ready(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @RequestBody ReadyRequest body);

    @PostExchange("/approve")
    Mono<ApproveResponse> approve(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @RequestBody ApproveRequest body);

    @PostExchange("/order")
    Mono<OrderResponse> order(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @RequestBody OrderRequest body);

    @PostExchange("/cancel")
    Mono<CancelResponse> cancel(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @RequestBody CancelRequest body);
}
