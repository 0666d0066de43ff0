package dev.tarsspeedy.webapp.pages.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;

/**
 * The browser's side of security. Who the user is lives in the server-side session (the tokens never reach the
 * browser), so Spring Security here guards the session rather than authenticating: CSRF tokens on every form (in the
 * session), a Content-Security-Policy that allows only our own scripts and styles, and no framing. Pages that need a
 * user ask the session and send the browser to the log-in page ({@code SignInRequired}).
 *
 * <p>This chain replaces the platform's JWT resource-server chain: no request to this service carries a token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * No {@code form-action}: Chromium applies it to the redirects after a form post too, and paying sends the browser
     * on to the payment provider's page.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
            + "frame-ancestors 'none'";

    @Bean
    SecurityWebFilterChain pageSecurity(ServerHttpSecurity http) {
        return http.authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }
}
