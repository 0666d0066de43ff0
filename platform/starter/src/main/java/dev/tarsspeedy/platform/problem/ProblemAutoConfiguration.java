package dev.tarsspeedy.platform.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/** Problem details for every error a client can cause, in every service and the gateway. */
@AutoConfiguration(beforeName = "org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(ProblemProperties.class)
public class ProblemAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProblemMapper problemMapper(ProblemProperties properties) {
        return new ProblemMapper(properties.retryAfter());
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemWriter problemWriter(ProblemProperties properties) {
        // A mapper of its own: the service's JSON settings (naming, inclusion) must not change the RFC's members.
        return new ProblemWriter(properties.typeBase(), JsonMapper.builder().build());
    }

    @Bean
    ProblemWebExceptionHandler problemWebExceptionHandler(ProblemMapper mapper, ProblemWriter writer) {
        return new ProblemWebExceptionHandler(mapper, writer);
    }
}
