package dev.tarsspeedy.gateway.session;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.session.InMemoryWebSessionStore;
import org.springframework.web.server.session.WebSessionManager;

/**
 * The gateway keeps no sessions, and must never touch the browser's session cookie: that belongs to the web
 * interface behind it. WebFlux's default session manager reads the {@code SESSION} cookie whenever anything asks for
 * the session (Spring Security does on every request), finds no such session here, and answers
 * {@code Set-Cookie: SESSION=; Max-Age=0}: every page's assets then signed the browser out of the web interface, and
 * every form post after them failed its CSRF check. This manager gives each exchange a new session that is never
 * stored and never sent, so no cookie is read or written.
 */
@Configuration(proxyBeanMethods = false)
class StatelessSessions {

    @Bean(WebHttpHandlerBuilder.WEB_SESSION_MANAGER_BEAN_NAME)
    WebSessionManager webSessionManager() {
        InMemoryWebSessionStore store = new InMemoryWebSessionStore();
        return exchange -> store.createWebSession();
    }
}
