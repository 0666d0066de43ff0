package dev.tarsspeedy.alert.pricealert;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Price alerts' settings, {@code alert.price-alerts.*}; the README lists the environment variables behind them.
 *
 * @param maxPerUser unfinished alerts a user may have
 * @param defaultCooldown cooldown of an alert that names none
 * @param defaultHysteresisPercent hysteresis of an alert that names none
 * @param publicBaseUrl where users reach TARS (the gateway): the alert mail links to the alert there
 * @param maxPageSize largest page of the alert history a client may ask for
 */
@ConfigurationProperties("alert.price-alerts")
public record PriceAlertSettings(
        @DefaultValue("100") int maxPerUser,
        @DefaultValue("60m") Duration defaultCooldown,
        @DefaultValue("0.5") BigDecimal defaultHysteresisPercent,
        @DefaultValue("http://localhost:8080") URI publicBaseUrl,
        @DefaultValue("100") int maxPageSize) {}
