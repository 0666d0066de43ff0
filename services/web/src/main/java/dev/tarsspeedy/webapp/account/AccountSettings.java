package dev.tarsspeedy.webapp.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The browser's session.
 *
 * @param cookieName the session cookie's name
 * @param idleTimeout a session unused this long ends (the user logs in again)
 * @param refreshBefore the access token is refreshed when it expires within this long, so a page never calls the
 *     API with a token about to expire
 */
@ConfigurationProperties("web.account")
public record AccountSettings(
        @DefaultValue("SESSION") String cookieName,
        @DefaultValue("8h") Duration idleTimeout,
        @DefaultValue("30s") Duration refreshBefore) {}
