package dev.tarsspeedy.platform.security;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * All of {@code public-paths} (or {@code admin-paths}) as one matcher that tries the patterns in a plain loop. Spring
 * Security's own matcher per pattern is a reactive pipeline of its own, and the authorization manager asks each in
 * turn: with the gateway's sixty public paths that was sixty pipelines for every request that matched none of them
 * (the buy path), a tenth of the gateway's CPU samples. Same parser, same path (within the application), same method
 * rule as {@code pathMatchers(...)}.
 */
final class PathRules implements ServerWebExchangeMatcher {

    private record Compiled(HttpMethod method, PathPattern pattern) {}

    private final List<Compiled> rules;

    /** {@code entries}: as written in the settings, a pattern or "METHOD /pattern" ({@link PathRule#parse}). */
    PathRules(List<String> entries) {
        this.rules = entries.stream()
                .map(PathRule::parse)
                .map(rule -> new Compiled(rule.method(), parse(rule.pattern())))
                .toList();
    }

    private static PathPattern parse(String pattern) {
        PathPatternParser parser = PathPatternParser.defaultInstance;
        return parser.parse(parser.initFullPathPattern(pattern));
    }

    /** Whether the request matches any of the rules. */
    boolean matches(ServerHttpRequest request) {
        PathContainer path = request.getPath().pathWithinApplication();
        HttpMethod method = request.getMethod();
        for (Compiled rule : rules) {
            if ((rule.method() == null || rule.method().equals(method))
                    && rule.pattern().matches(path)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        return matches(exchange.getRequest()) ? MatchResult.match() : MatchResult.notMatch();
    }

    @Override
    public String toString() {
        return "PathRules" + rules;
    }
}
