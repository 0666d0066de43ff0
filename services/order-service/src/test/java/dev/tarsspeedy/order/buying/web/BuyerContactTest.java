package dev.tarsspeedy.order.buying.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.order.sale.SaleStore;
import dev.tarsspeedy.platform.caller.Caller;
import dev.tarsspeedy.platform.caller.Language;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The buyer's address and language the buy carries to the order for its emails: the platform's {@link Caller} as it
 * is (its tests cover which email claims are usable and how the language is chosen).
 */
class BuyerContactTest {

    private static Caller caller(String email, Language language) {
        return new Caller(UUID.randomUUID(), email, Set.of("USER"), language);
    }

    @Test
    void theCallersUsableAddressIsTheOrdersAddress() {
        assertThat(BuyController.contact(caller("minji@example.com", Language.EN)))
                .isEqualTo(new SaleStore.BuyerContact("minji@example.com", "en"));
        assertThat(BuyController.contact(caller(Caller.usableEmail("no-at-sign"), Language.EN))
                        .email())
                .isNull();
        assertThat(BuyController.contact(caller(null, Language.EN)).email()).isNull();
    }

    @Test
    void theCallersLanguageIsTheOrdersLanguage() {
        assertThat(BuyController.contact(caller(null, Language.KO)).locale()).isEqualTo("ko");
        assertThat(BuyController.contact(caller(null, Language.EN)).locale()).isEqualTo("en");
        assertThat(BuyController.contact(caller(null, null)).locale()).isEqualTo("en");
    }
}
