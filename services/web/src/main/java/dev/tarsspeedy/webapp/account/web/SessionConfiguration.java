package dev.tarsspeedy.webapp.account.web;

import dev.tarsspeedy.webapp.account.AccountSettings;
import dev.tarsspeedy.webapp.pages.PagesSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.ReactiveSessionRepositoryCustomizer;
import org.springframework.session.data.redis.ReactiveRedisSessionRepository;
import org.springframework.session.data.redis.config.annotation.web.server.EnableRedisWebSession;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;

/**
 * Browser sessions in Redis (Spring Session): any instance of the web service serves any browser, a restart signs
 * nobody out, and the tokens stay on the server. The browser holds only the session id, in an HttpOnly, SameSite=Lax
 * cookie ({@code Secure} with {@code web.pages.secure-cookies}).
 */
@Configuration(proxyBeanMethods = false)
@EnableRedisWebSession(redisNamespace = "web:session")
class SessionConfiguration {

    @Bean
    WebSessionIdResolver webSessionIdResolver(AccountSettings account, PagesSettings pages) {
        CookieWebSessionIdResolver resolver = new CookieWebSessionIdResolver();
        resolver.setCookieName(account.cookieName());
        resolver.addCookieInitializer(cookie -> cookie.httpOnly(true)
                .sameSite("Lax")
                .secure(pages.secureCookies())
                .path("/"));
        return resolver;
    }

    @Bean
    ReactiveSessionRepositoryCustomizer<ReactiveRedisSessionRepository> sessionTimeout(AccountSettings account) {
        return repository -> repository.setDefaultMaxInactiveInterval(account.idleTimeout());
    }
}
