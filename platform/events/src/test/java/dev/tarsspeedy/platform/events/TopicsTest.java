package dev.tarsspeedy.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void namesATopicByContextEventAndVersion() {
        assertThat(Topics.name("orders", "OrderPlaced", 1)).isEqualTo("orders.order-placed.v1");
        assertThat(Topics.name("market-data", "QuoteUpdated", 3)).isEqualTo("market-data.quote-updated.v3");
        assertThat(Topics.name("identity", "UserSignedUp", 1)).isEqualTo("identity.user-signed-up.v1");
        assertThat(Topics.name("notes", "NoteWritten", 1)).isEqualTo("notes.note-written.v1");
    }

    @Test
    void keepsAcronymsAndDigitsTogether() {
        assertThat(Topics.name("identity", "JWKSRotated", 1)).isEqualTo("identity.jwks-rotated.v1");
        assertThat(Topics.name("alerts", "Top10Changed", 1)).isEqualTo("alerts.top10-changed.v1");
        assertThat(Topics.name("payments", "KakaopayApproved", 2)).isEqualTo("payments.kakaopay-approved.v2");
    }

    @Test
    void namesTheDeadLetterTopic() {
        assertThat(Topics.deadLetter("orders.order-placed.v1")).isEqualTo("orders.order-placed.v1.dlt");
    }

    @Test
    void refusesNamesOutsideTheScheme() {
        assertThatThrownBy(() -> Topics.name("Orders", "OrderPlaced", 1)).hasMessageContaining("context");
        assertThatThrownBy(() -> Topics.name("orders", "order-placed", 1)).hasMessageContaining("PascalCase");
        assertThatThrownBy(() -> Topics.name("orders", "OrderPlaced", 0)).hasMessageContaining("version");
        assertThatThrownBy(() -> Topics.deadLetter("orders placed")).hasMessageContaining("topic");
        assertThatThrownBy(() -> Topics.requireValid("x".repeat(250))).hasMessageContaining("topic");
    }
}
