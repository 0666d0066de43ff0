package dev.tarsspeedy.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ConnectTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import reactor.netty.channel.AbortedException;

/** How failures that no controller catches are classified; ProblemDetailsIT checks them end to end. */
@ExtendWith(OutputCaptureExtension.class)
class ProblemMapperTest {

    private final ProblemMapper mapper = new ProblemMapper(Duration.ofMillis(2500));

    @Test
    void aServiceThatCannotBeReachedIsUnavailableHoweverTheFailureIsWrapped() {
        for (Throwable error : new Throwable[] {
            new ConnectException("Connection refused: /10.0.0.7:8081"),
            new IllegalStateException("request failed", new ConnectException("Connection refused")),
            new RuntimeException(new ConnectTimeoutException("connection timed out after 45000 ms: /10.0.0.7:8081")),
            new RuntimeException(new RuntimeException(new UnknownHostException("catalog-service")))
        }) {
            Problem problem = mapper.toProblem(error);
            assertThat(problem.status()).as(error.toString()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(problem.type()).isEqualTo("service-unavailable");
            // Rounded up to whole seconds, as Retry-After has no fractions.
            assertThat(problem.headers()).containsEntry(HttpHeaders.RETRY_AFTER, "3");
            assertThat(problem.detail()).isNull();
        }
    }

    @Test
    void aClientThatHungUpIsNoErrorInTheLog(CapturedOutput output) {
        Problem gone = mapper.toProblem(new AbortedException("Connection has been closed"));
        Problem reset = mapper.toProblem(new IllegalStateException(new IOException("Connection reset by peer")));
        Problem broken = mapper.toProblem(new IllegalStateException("unexpected"));

        assertThat(gone.type()).isEqualTo("internal-error");
        assertThat(reset.type()).isEqualTo("internal-error");
        assertThat(broken.type()).isEqualTo("internal-error");
        // The real fault is logged with its stack trace; the hang-up is not logged as an error at all.
        assertThat(output.getOut().lines().filter(line -> line.contains("ERROR")))
                .hasSize(1)
                .allMatch(line -> line.contains("unexpected error"));
        assertThat(output.getOut())
                .contains("java.lang.IllegalStateException: unexpected")
                .doesNotContain("AbortedException")
                .doesNotContain("Connection reset by peer");
    }

    @Test
    void a503StatusCarriesRetryAfterToo() {
        Problem problem = mapper.toProblem(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE));
        assertThat(problem.type()).isEqualTo("service-unavailable");
        assertThat(problem.headers()).containsEntry(HttpHeaders.RETRY_AFTER, "3");
    }

    @Test
    void duplicateKeysAndStaleVersionsAreConflicts() {
        for (Throwable error : new Throwable[] {
            new DuplicateKeyException("insert into tag ... violates unique constraint \"tag_pkey\""),
            new OptimisticLockingFailureException("row 7 was updated by another transaction"),
            new IllegalStateException("wrapped", new DuplicateKeyException("duplicate key"))
        }) {
            Problem problem = mapper.toProblem(error);
            assertThat(problem.status()).as(error.toString()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(problem.type()).isEqualTo("conflict");
            assertThat(problem.detail())
                    .as("the bundle's detail, never the SQL")
                    .isNull();
            assertThat(problem.properties()).isEmpty();
        }
    }

    @Test
    void otherIntegrityViolationsAreStillBugs() {
        // A foreign key or a not-null column refused by the database is the service's mistake, not the client's.
        Problem problem = mapper.toProblem(new DataIntegrityViolationException("null value in column \"name\""));
        assertThat(problem.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        assertThat(mapper.toProblem(first).status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    @Test
    void aLocalisedServiceProblemKeepsItsDetailCode() {
        Problem problem =
                mapper.toProblem(ProblemException.localized(HttpStatus.CONFLICT, "sold-out", "sold-out.drop", 42)
                        .with("dropId", 42));
        assertThat(problem.detail()).isNull();
        assertThat(problem.detailCode()).isEqualTo("sold-out.drop");
        assertThat(problem.detailArguments()).containsExactly(42);
        assertThat(problem.properties()).containsEntry("dropId", 42);

        Problem written = mapper.toProblem(new ProblemException(HttpStatus.NOT_FOUND, "thing-not-found", "No thing."));
        assertThat(written.detail()).isEqualTo("No thing.");
        assertThat(written.detailCode()).isEqualTo("thing-not-found.detail");
    }
}
