package dev.tarsspeedy.alert.pricealert;

import java.math.BigDecimal;

/**
 * The one line an alert waits for next, stored beside it and indexed per symbol, so a quote reads only the alerts
 * whose line lies between the previous value and the current one ({@code line BETWEEN previous AND current}).
 *
 * @param space what the line is measured in
 * @param rising waits for the value to rise to the line ({@code >=}); else to fall to it ({@code <=})
 */
public record Watch(Space space, boolean rising, BigDecimal line) {

    public enum Space {
        /** The price. */
        PRICE("P"),
        /** The day's move from the previous close, in percent, signed. */
        MOVE("M"),
        /** The same without its sign. */
        ABS_MOVE("A");

        private final String code;

        Space(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
