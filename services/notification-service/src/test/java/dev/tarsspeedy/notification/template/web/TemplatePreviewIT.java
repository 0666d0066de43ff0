package dev.tarsspeedy.notification.template.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.notification.support.Models;
import dev.tarsspeedy.notification.support.NotificationTestBase;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** POST /internal/templates/{template}/preview: the mail's HTML for a browser, and 4xx problems for bad input. */
class TemplatePreviewIT extends NotificationTestBase {

    private WebTestClient.ResponseSpec preview(String template, Object body) {
        return client(userToken(UUID.randomUUID()))
                .post()
                .uri("/internal/templates/{template}/preview", template)
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                .bodyValue(body)
                .exchange();
    }

    @Test
    void theReportPreviewIsHtmlWithItsChartsInline() {
        String html = preview("stock-report", Map.of("locale", "ko", "model", Models.stockReport()))
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType("text/html;charset=UTF-8")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("<html lang=\"ko\">")
                .contains(">삼성전자</strong>")
                .contains(">71,500원</strong>")
                .contains(">⚠ 오래된 시세</span>")
                // No unsubscribe URL given: the report asked for now, which has no unsubscribe link.
                .doesNotContain("이 메일 수신 거부")
                .doesNotContain("cid:");
        assertThat(html.split("src=\"data:image/png;base64,", -1))
                .as("three charts")
                .hasSize(4);
    }

    @Test
    void anAlertPreviewInEnglish() {
        String html = preview("price-alert", Map.of("locale", "en", "model", Models.priceAlert("HIGH_52W")))
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(html)
                .contains("<html lang=\"en\">")
                .contains(">New 52-week high</td>")
                .contains(">₩72,300</td>");
    }

    @Test
    void anUnknownTemplateIsNotFound() {
        Map<String, Object> problem = assertProblem(
                preview("no-such-template", Map.of("locale", "en", "model", Map.of())),
                HttpStatus.NOT_FOUND,
                "unknown-template");

        assertThat(problem).containsEntry("detail", "There is no email template named no-such-template.");
    }

    @Test
    void aModelThatDoesNotFitIsABadRequestNamingTheField() {
        Map<String, Object> model = Models.withRowField(Models.stockReport(), 2, "chart", "up");

        Map<String, Object> problem = assertProblem(
                preview("stock-report", Map.of("locale", "ko", "model", model)),
                HttpStatus.BAD_REQUEST,
                "invalid-model");

        assertThat(problem)
                .containsEntry(
                        "detail", "The model does not fit the template stock-report: check the field rows[2].chart.")
                .containsEntry("field", "rows[2].chart")
                .containsEntry(
                        "reason",
                        "invalid model for template 'stock-report': field 'rows[2].chart' must be a list of numbers,"
                                + " not text");
        assertProblem(preview("price-alert", Map.of("locale", "ko")), HttpStatus.BAD_REQUEST, "invalid-model");
    }

    @Test
    void itNeedsAnAccessToken() {
        client().post()
                .uri("/internal/templates/stock-report/preview")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("locale", "ko", "model", Models.stockReport()))
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }
}
