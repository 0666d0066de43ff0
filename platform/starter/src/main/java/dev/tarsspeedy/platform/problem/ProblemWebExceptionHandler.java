package dev.tarsspeedy.platform.problem;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * The one place where errors become responses: controllers, routing (unknown path, wrong method), codecs
 * (malformed JSON, body too large) and filters all end here. Runs before Boot's default error handler, which
 * would render its own JSON shape.
 */
public final class ProblemWebExceptionHandler implements WebExceptionHandler, Ordered {

    private static final ContextSnapshotFactory SNAPSHOTS =
            ContextSnapshotFactory.builder().build();

    private final ProblemMapper mapper;
    private final ProblemWriter writer;

    public ProblemWebExceptionHandler(ProblemMapper mapper, ProblemWriter writer) {
        this.mapper = mapper;
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        if (error instanceof ProblemException) {
            // An answer the service chose (a refusal, a 404): the mapper copies it and logs nothing, so the trace
            // context below is not needed. It is the common answer of a drop's buy path.
            return writer.write(exchange, mapper.toProblem(exchange, error));
        }
        // The mapper logs what it cannot answer as a client's mistake. Reactor does not restore thread locals on
        // every operator (spring.reactor.context-propagation is limited, see ObservabilityDefaults), so the request's
        // observation is put back for that log line here: it keeps the trace and span ids.
        return Mono.deferContextual(context -> {
            Problem problem;
            try (ContextSnapshot.Scope scope = SNAPSHOTS.setThreadLocalsFrom(context)) {
                problem = mapper.toProblem(exchange, error);
            }
            return writer.write(exchange, problem);
        });
    }

    @Override
    public int getOrder() {
        return -2; // DefaultErrorWebExceptionHandler is -1
    }
}
