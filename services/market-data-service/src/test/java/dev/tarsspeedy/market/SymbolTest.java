package dev.tarsspeedy.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SymbolTest {

    @Test
    void aSixCharacterCodeStartingWithADigitIsKrx() {
        assertThat(Symbol.parse("005930").market()).isEqualTo(Market.KRX);
        assertThat(Symbol.parse("0126z0").code()).isEqualTo("0126Z0");
        assertThat(Symbol.parse("0126Z0").market()).isEqualTo(Market.KRX);
    }

    @Test
    void aTickerIsUs() {
        assertThat(Symbol.parse(" aapl ").code()).isEqualTo("AAPL");
        assertThat(Symbol.parse("AAPL").market()).isEqualTo(Market.US);
        assertThat(Symbol.parse("BRK.B").market()).isEqualTo(Market.US);
    }

    @Test
    void anythingElseIsRefused() {
        for (String bad : new String[] {"", " ", "00593", "0059300", "A A", "../x", "AAPL%00", "TOOLONGTICKER"}) {
            assertThat(Symbol.isWellFormed(bad)).as(bad).isFalse();
            assertThatThrownBy(() -> Symbol.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
