package dev.tarsspeedy.platform.problem;

import java.net.URI;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/** Problem details for every error a client can cause, in every service and the gateway. */
@AutoConfiguration(beforeName = "org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class ProblemAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProblemMapper problemMapper(@Value("${platform.problems.retry-after:10s}") Duration retryAfter) {
        // The Retry-After of a 503 when a service this one calls cannot be reached; the gateway's circuit-breaker
        // fallback says the same (gateway.fallback.retry-after).
        return new ProblemMapper(retryAfter);
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemWriter problemWriter(
            @Value("${platform.problems.type-base:https://tars-speedy.dev/problems/}") URI typeBase) {
        // A mapper of its own: the service's JSON settings (naming, inclusion) must not change the RFC's members.
        return new ProblemWriter(typeBase, JsonMapper.builder().build());
    }

    @Bean
    ProblemWebExceptionHandler problemWebExceptionHandler(ProblemMapper mapper, ProblemWriter writer) {
        return new ProblemWebExceptionHandler(mapper, writer);
    }
}
