package dev.tarsspeedy.catalog.drop;

import static dev.tarsspeedy.platform.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.catalog.support.CatalogTestBase;
import dev.tarsspeedy.contracts.catalog.DropChanged;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Operators change drops before they open and close them; every change is one DropChanged with the next revision. */
class DropLifecycleIT extends CatalogTestBase {

    @Test
    void patchBeforeOpeningChangesTheGivenFieldsOnly() {
        Map<String, Object> drop = newDrop(Duration.ofHours(1));
        Instant opensAt = clock.instant().plus(Duration.ofHours(5)).truncatedTo(ChronoUnit.MICROS);

        Map<String, Object> patched = patch(
                        "/api/admin/drops/" + drop.get("id"),
                        Map.of(
                                "price",
                                99_000,
                                "opensAt",
                                opensAt.toString(),
                                "closesAt",
                                opensAt.plus(Duration.ofHours(1)).toString()),
                        adminToken())
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();

        assertThat(patched)
                .containsEntry("price", 99_000)
                .containsEntry("quantity", drop.get("quantity"))
                .containsEntry("perUserLimit", drop.get("perUserLimit"))
                .containsEntry("opensAt", opensAt.toString())
                .containsEntry("status", "UPCOMING");
        assertThat(drop(drop.get("id"))).isEqualTo(patched);
        List<DropChanged> events = dropChanged(drop.get("id"), 2);
        assertThat(events).extracting(DropChanged::revision).containsExactly(1L, 2L);
        assertThat(events.get(1).price()).isEqualTo(99_000);
        assertThat(events.get(1).opensAt()).isEqualTo(opensAt);
    }

    @Test
    void patchKeepsTheRulesAndChangesNothingWhenBroken() {
        Map<String, Object> drop = newDrop(Duration.ofHours(1));
        long events = count("select count(*) from outbox_event");

        Map<String, Object> problem = assertProblem(
                patch("/api/admin/drops/" + drop.get("id"), Map.of("perUserLimit", 500), adminToken()),
                HttpStatus.BAD_REQUEST,
                "validation");

        assertThat(ProductAndDropCreationIT.fields(problem)).containsExactly("perUserLimit");
        assertThat(drop(drop.get("id"))).isEqualTo(drop);
        assertThat(count("select count(*) from outbox_event")).isEqualTo(events);
    }

    @Test
    void patchWithoutChangesIsNoChange() {
        Map<String, Object> drop = newDrop(Duration.ofHours(1));

        patch("/api/admin/drops/" + drop.get("id"), Map.of("price", drop.get("price")), adminToken())
                .expectStatus()
                .isOk();

        assertThat(count("select revision from catalog_drop where id = '" + drop.get("id") + "'"))
                .isEqualTo(1);
    }

    @Test
    void patchAfterOpeningIsAConflict() {
        Map<String, Object> drop = newDrop(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(2));

        assertProblem(
                patch("/api/admin/drops/" + drop.get("id"), Map.of("price", 1), adminToken()),
                HttpStatus.CONFLICT,
                "drop-already-open");

        Map<String, Object> now = drop(drop.get("id"));
        assertThat(now).containsEntry("price", drop.get("price")).containsEntry("status", "OPEN");
    }

    @Test
    void patchOfAnUnknownDropIsNotFound() {
        assertProblem(
                patch("/api/admin/drops/" + UUID.randomUUID(), Map.of("price", 1), adminToken()),
                HttpStatus.NOT_FOUND,
                "drop-not-found");
    }

    @Test
    void closeStopsTheSaleOnceAndAgainChangesNothing() {
        Map<String, Object> drop = newDrop(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(2));
        assertThat(drop(drop.get("id"))).containsEntry("status", "OPEN");

        Map<String, Object> closed = post("/api/admin/drops/" + drop.get("id") + "/close", Map.of(), adminToken())
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        Map<String, Object> again = post("/api/admin/drops/" + drop.get("id") + "/close", Map.of(), adminToken())
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();

        assertThat(closed).containsEntry("status", "CLOSED");
        assertThat(again).isEqualTo(closed);
        List<DropChanged> events = dropChanged(drop.get("id"), 2);
        awaitOutboxDrained();
        events = dropChanged(drop.get("id"), 2);
        assertThat(events).extracting(DropChanged::revision).containsExactly(1L, 2L);
        assertThat(events.get(1).closedAt()).isNotNull();
        assertProblem(
                patch("/api/admin/drops/" + drop.get("id"), Map.of("price", 1), adminToken()),
                HttpStatus.CONFLICT,
                "drop-already-open");
    }

    @Test
    void closingBeforeTheOpeningCancelsTheDrop() {
        Map<String, Object> drop = newDrop(Duration.ofHours(1));

        post("/api/admin/drops/" + drop.get("id") + "/close", Map.of(), adminToken())
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .value(view -> assertThat(view).containsEntry("status", "CLOSED"));

        assertProblem(
                patch("/api/admin/drops/" + drop.get("id"), Map.of("price", 1), adminToken()),
                HttpStatus.CONFLICT,
                "drop-already-open");
    }

    @Test
    void closeOfAnUnknownDropIsNotFound() {
        assertProblem(
                post("/api/admin/drops/" + UUID.randomUUID() + "/close", Map.of(), adminToken()),
                HttpStatus.NOT_FOUND,
                "drop-not-found");
    }

    @Test
    void everyChangeIsOneEventWithTheNextRevision() {
        Map<String, Object> drop = newDrop(Duration.ofHours(1));
        String path = "/api/admin/drops/" + drop.get("id");

        patch(path, Map.of("quantity", 80), adminToken()).expectStatus().isOk();
        patch(path, Map.of("perUserLimit", 1), adminToken()).expectStatus().isOk();
        post(path + "/close", Map.of(), adminToken()).expectStatus().isOk();

        List<DropChanged> events = dropChanged(drop.get("id"), 4);
        assertThat(events).extracting(DropChanged::revision).containsExactly(1L, 2L, 3L, 4L);
        assertThat(events.getLast().quantity()).isEqualTo(80);
        assertThat(events.getLast().perUserLimit()).isEqualTo(1);
        assertThat(events.getLast().closedAt()).isNotNull();
        assertThat(events).allSatisfy(event -> assertThat(event.dropId()).hasToString((String) drop.get("id")));
    }
}
