package dev.tarsspeedy.identity.account;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Defaults for new accounts.
 *
 * @param defaultTimeZone the time zone of a sign-up that names none
 */
@ConfigurationProperties("identity.accounts")
public record AccountSettings(@DefaultValue("UTC") ZoneId defaultTimeZone) {}
