package dev.tarsspeedy.catalog.drop;

import static dev.tarsspeedy.platform.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tarsspeedy.catalog.support.CatalogTestBase;
import dev.tarsspeedy.catalog.support.StockStandIn;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Browsing drops, without an account: by status, in pages, with the stock the order service reports. */
class DropListingIT extends CatalogTestBase {

    @AfterEach
    void stockBackUp() {
        STOCK.mode(StockStandIn.Mode.UP);
    }

    @Test
    void listsByStatusWithSoldOutFromTheOrderService() {
        Map<String, Object> upcoming = newDrop(Duration.ofHours(1));
        Map<String, Object> open = newDrop(Duration.ofMinutes(1));
        Map<String, Object> soldOut = newDrop(Duration.ofMinutes(1));
        Map<String, Object> closed = newDrop(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(2));
        STOCK.set(uuid(open), 17, 83);
        STOCK.set(uuid(soldOut), 0, 100);
        post("/api/admin/drops/" + closed.get("id") + "/close", Map.of(), adminToken())
                .expectStatus()
                .isOk();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(idsWithStatus("OPEN")).contains(open.get("id")).doesNotContain(soldOut.get("id"));
            assertThat(idsWithStatus("SOLD_OUT")).contains(soldOut.get("id")).doesNotContain(open.get("id"));
        });
        assertThat(idsWithStatus("UPCOMING")).contains(upcoming.get("id")).doesNotContain(open.get("id"));
        assertThat(idsWithStatus("CLOSED")).contains(closed.get("id")).doesNotContain(open.get("id"));
        assertThat(drop(open.get("id"))).containsEntry("remaining", 17).containsEntry("status", "OPEN");
        assertThat(drop(soldOut.get("id"))).containsEntry("remaining", 0).containsEntry("status", "SOLD_OUT");
        assertThat(drop(closed.get("id"))).containsEntry("status", "CLOSED");
        assertThat(idsWithStatus(null)).contains(upcoming.get("id"), open.get("id"), soldOut.get("id"));
    }

    @Test
    void pastTheClosingTimeADropIsClosed() {
        Map<String, Object> drop = newDrop(Duration.ofMinutes(1));
        clock.advance(Duration.ofHours(3));

        assertThat(drop(drop.get("id"))).containsEntry("status", "CLOSED");
        assertThat(idsWithStatus("CLOSED")).contains(drop.get("id"));
    }

    @Test
    void pagesAreOrderedByOpeningTime() {
        Map<String, Object> later = newDrop(Duration.ofDays(400));
        Map<String, Object> sooner = newDrop(Duration.ofDays(399));

        List<Map<String, Object>> all = allPages("UPCOMING", 7);

        List<Object> ids = all.stream().map(view -> view.get("id")).toList();
        assertThat(ids.indexOf(sooner.get("id"))).isLessThan(ids.indexOf(later.get("id")));
        List<Instant> opening = all.stream()
                .map(view -> Instant.parse((String) view.get("opensAt")))
                .toList();
        assertThat(opening).isSorted();
        Map<String, Object> first = get("/api/drops?status=UPCOMING&page=0&size=7", null)
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        assertThat(first).containsEntry("page", 0).containsEntry("size", 7);
        assertThat(((Number) first.get("total")).longValue()).isEqualTo(all.size());
    }

    @Test
    void badStatusOrPagingIsABadRequest() {
        Map<String, Object> problem =
                assertProblem(get("/api/drops?status=SOON", null), HttpStatus.BAD_REQUEST, "validation");
        assertThat(ProductAndDropCreationIT.fields(problem)).containsExactly("status");

        problem = assertProblem(get("/api/drops?page=-1&size=1000", null), HttpStatus.BAD_REQUEST, "validation");
        assertThat(ProductAndDropCreationIT.fields(problem)).containsExactly("page", "size");
    }

    @Test
    void whenTheOrderServiceIsDownRemainingFallsBack() {
        Map<String, Object> upcoming = newDrop(Duration.ofHours(1));
        Map<String, Object> open = newDrop(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(2));
        STOCK.set(uuid(upcoming), 3, 0);
        STOCK.set(uuid(open), 0, 100);

        STOCK.mode(StockStandIn.Mode.DOWN);

        assertThat(drop(upcoming.get("id"))).containsEntry("remaining", 100).containsEntry("status", "UPCOMING");
        Map<String, Object> view = drop(open.get("id"));
        assertThat(view).containsEntry("remaining", null).containsEntry("status", "OPEN");
        assertThat(idsWithStatus("SOLD_OUT")).doesNotContain(open.get("id"));

        STOCK.mode(StockStandIn.Mode.UP);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(drop(open.get("id")))
                        .containsEntry("remaining", 0)
                        .containsEntry("status", "SOLD_OUT"));
        assertThat(drop(upcoming.get("id"))).containsEntry("remaining", 3);
    }

    @Test
    void whenTheOrderServiceIsSlowRemainingFallsBackInTime() {
        Map<String, Object> open = newDrop(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(2));
        STOCK.set(uuid(open), 0, 100);
        STOCK.mode(StockStandIn.Mode.SLOW);

        long started = System.nanoTime();
        Map<String, Object> view = drop(open.get("id"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(view).containsEntry("remaining", null).containsEntry("status", "OPEN");
    }

    private List<Object> idsWithStatus(String status) {
        return allPages(status, 100).stream().map(view -> view.get("id")).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> allPages(String status, int size) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            String uri = "/api/drops?page=" + page + "&size=" + size + (status == null ? "" : "&status=" + status);
            Map<String, Object> body = get(uri, null)
                    .expectStatus()
                    .isOk()
                    .expectBody(MAP)
                    .returnResult()
                    .getResponseBody();
            List<Map<String, Object>> items = (List<Map<String, Object>>) body.get("content");
            all.addAll(items);
            if (items.size() < size) {
                return all;
            }
        }
    }

    private static UUID uuid(Map<String, Object> drop) {
        return UUID.fromString((String) drop.get("id"));
    }
}
