package dev.tarsspeedy.alert.pricealert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code tars_alerts_fired_total{kind}}: firings committed, by kind (five values). */
@Component
public class AlertMetrics {

    static final String FIRED = "tars.alerts.fired";

    private final Map<AlertKind, Counter> fired = new EnumMap<>(AlertKind.class);

    public AlertMetrics(MeterRegistry meters) {
        for (AlertKind kind : AlertKind.values()) {
            fired.put(
                    kind,
                    Counter.builder(FIRED)
                            .description("Price alerts fired (one per alert and crossing episode)")
                            .tag("kind", kind.name())
                            .register(meters));
        }
    }

    public void fired(FiredAlert firing) {
        fired.get(firing.kind()).increment();
    }
}
