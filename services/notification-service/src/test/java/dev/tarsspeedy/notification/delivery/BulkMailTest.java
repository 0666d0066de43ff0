package dev.tarsspeedy.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarsspeedy.contracts.notification.EmailRequested;
import dev.tarsspeedy.contracts.notification.EmailRequested.Category;
import dev.tarsspeedy.notification.template.ThymeleafEmailRenderer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reports and reminders are bulk mail because of their template, whatever category the producer gave them. */
class BulkMailTest {

    private static final EmailRenderer RENDERER = new ThymeleafEmailRenderer();
    private static final String UNSUBSCRIBE = "https://tars.example/unsubscribe?token=t1";

    private static EmailRequested request(String template, Category category, String unsubscribeUrl) {
        return new EmailRequested(
                "k-" + template, template, "ko", "kim@example.com", Map.of("a", 1), category, unsubscribeUrl);
    }

    /** What {@link DeliveryService} does with a request before rendering it. */
    private static EmailRequested asSent(EmailRequested request) {
        EmailRequested sent = BulkMail.categorised(request, RENDERER.isBulk(request.template()));
        BulkMail.checkAddressing(sent);
        return sent;
    }

    @ParameterizedTest
    @ValueSource(strings = {"drop-reminder"})
    void aBulkTemplateRequestedAsTransactionalIsSentAsBulkWithItsUnsubscribeUrl(String template) {
        EmailRequested requested = request(template, Category.TRANSACTIONAL, UNSUBSCRIBE);

        EmailRequested sent = asSent(requested);

        assertThat(sent.category()).isEqualTo(Category.BULK);
        assertThat(BulkMail.unsubscribeUrl(sent))
                .as("the URL that becomes List-Unsubscribe and List-Unsubscribe-Post")
                .isEqualTo(UNSUBSCRIBE);
        assertThat(List.of(sent.idempotencyKey(), sent.template(), sent.locale(), sent.to(), sent.model()))
                .as("nothing else changes")
                .isEqualTo(List.of(
                        requested.idempotencyKey(),
                        requested.template(),
                        requested.locale(),
                        requested.to(),
                        requested.model()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"drop-reminder"})
    void aBulkTemplateWithoutAnUnsubscribeUrlIsRefusedForGoodWhateverItsCategory(String template) {
        for (Category category : Category.values()) {
            assertThatThrownBy(() -> asSent(request(template, category, null)))
                    .as("%s as %s", template, category)
                    .isInstanceOf(RejectedRequestException.class)
                    .hasMessageStartingWith("BULK mail needs an unsubscribeUrl")
                    .hasMessageContaining(template);
        }
        assertThatThrownBy(() -> asSent(request(template, Category.TRANSACTIONAL, "not a url")))
                .isInstanceOf(RejectedRequestException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "signup-verification",
                "password-reset",
                "order-confirmed",
                "order-status-changed",
                "payment-refunded",
                "stock-report",
                "no-such-template"
            })
    void otherTemplatesFollowTheProducersCategory(String template) {
        // stock-report among them: BULK when scheduled, TRANSACTIONAL when the user asked for it now.
        EmailRequested transactional = request(template, Category.TRANSACTIONAL, UNSUBSCRIBE);
        EmailRequested bulk = request(template, Category.BULK, UNSUBSCRIBE);

        assertThat(asSent(transactional)).isSameAs(transactional);
        assertThat(BulkMail.unsubscribeUrl(transactional))
                .as("transactional mail carries no unsubscribe headers")
                .isNull();
        assertThat(asSent(bulk)).isSameAs(bulk);
        assertThat(BulkMail.unsubscribeUrl(bulk)).isEqualTo(UNSUBSCRIBE);
    }

    @Test
    void aScheduledReportWithoutAnUnsubscribeUrlIsRefusedOneAskedForNowNeedsNone() {
        assertThatThrownBy(() -> asSent(request("stock-report", Category.BULK, null)))
                .isInstanceOf(RejectedRequestException.class)
                .hasMessageStartingWith("BULK mail needs an unsubscribeUrl");
        EmailRequested now = request("stock-report", Category.TRANSACTIONAL, null);
        assertThat(asSent(now)).isSameAs(now);
        assertThat(BulkMail.unsubscribeUrl(now)).isNull();
    }
}
