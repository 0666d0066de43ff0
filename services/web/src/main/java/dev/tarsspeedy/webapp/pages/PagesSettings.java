package dev.tarsspeedy.webapp.pages;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How pages are rendered.
 *
 * @param defaultTimeZone times are shown in the user's zone; this one before anyone signs in
 * @param languageCookieMaxAge how long the language switch is remembered, in seconds
 * @param secureCookies whether the cookies the web interface sets are {@code Secure} (true in production, behind
 *     HTTPS; false for the local stack on plain HTTP)
 */
@ConfigurationProperties("web.pages")
public record PagesSettings(
        @DefaultValue("Asia/Seoul") ZoneId defaultTimeZone,
        @DefaultValue("31536000") int languageCookieMaxAge,
        @DefaultValue("false") boolean secureCookies) {}
