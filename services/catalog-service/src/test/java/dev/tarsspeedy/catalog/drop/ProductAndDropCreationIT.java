package dev.tarsspeedy.catalog.drop;

import static dev.tarsspeedy.platform.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.catalog.support.CatalogMother;
import dev.tarsspeedy.catalog.support.CatalogTestBase;
import dev.tarsspeedy.contracts.catalog.DropChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;

class ProductAndDropCreationIT extends CatalogTestBase {

    @Test
    void operatorCreatesAProductEveryoneCanRead() {
        Map<String, Object> body = CatalogMother.product("무선 이어폰");

        Map<String, Object> created = post("/api/admin/products", body, adminToken())
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueMatches("Location", "/api/products/[0-9a-f-]{36}")
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();

        assertThat(created)
                .containsEntry("name", "무선 이어폰")
                .containsEntry("description", body.get("description"))
                .containsEntry("imageUrl", body.get("imageUrl"))
                .containsKeys("id", "createdAt");
        Map<String, Object> read = get("/api/products/" + created.get("id"), null)
                .expectStatus()
                .isOk()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        assertThat(read).isEqualTo(created);
    }

    @Test
    void imageIsOptional() {
        Map<String, Object> body = CatalogMother.product();
        body.remove("imageUrl");

        Map<String, Object> created = post("/api/admin/products", body, adminToken())
                .expectStatus()
                .isCreated()
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();

        assertThat(created).containsEntry("imageUrl", null);
    }

    @Test
    void invalidProductsAreRefusedListingTheFields() {
        long before = count("select count(*) from product");
        Map<String, Object> body = CatalogMother.product(" ");
        body.put("imageUrl", "javascript:alert(1)");
        body.remove("description");

        Map<String, Object> problem =
                assertProblem(post("/api/admin/products", body, adminToken()), HttpStatus.BAD_REQUEST, "validation");

        assertThat(fields(problem)).containsExactlyInAnyOrder("name", "description", "imageUrl");
        assertThat(count("select count(*) from product")).isEqualTo(before);
    }

    @Test
    void unknownProductIsNotFound() {
        assertProblem(get("/api/products/" + UUID.randomUUID(), null), HttpStatus.NOT_FOUND, "product-not-found");
    }

    @Test
    void operatorCreatesADropAndItIsPublished() {
        Map<String, Object> product = createProduct();
        Instant now = clock.instant();
        Map<String, Object> body = CatalogMother.drop(product.get("id"), now)
                .price(129_000)
                .quantity(50)
                .perUserLimit(2)
                .build();

        Map<String, Object> view = post("/api/admin/drops", body, adminToken())
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueMatches("Location", "/api/drops/[0-9a-f-]{36}")
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();

        assertThat(view)
                .containsEntry("price", 129_000)
                .containsEntry("quantity", 50)
                .containsEntry("remaining", 50) // upcoming and unknown to the order service: all of it
                .containsEntry("perUserLimit", 2)
                .containsEntry("opensAt", body.get("opensAt"))
                .containsEntry("closesAt", body.get("closesAt"))
                .containsEntry("status", "UPCOMING");
        assertThat(view.get("product"))
                .isEqualTo(Map.of(
                        "id", product.get("id"),
                        "name", product.get("name"),
                        "description", product.get("description"),
                        "imageUrl", product.get("imageUrl")));
        assertThat(drop(view.get("id"))).isEqualTo(view);

        DropChanged event = dropChanged(view.get("id"), 1).getFirst();
        assertThat(event.revision()).isEqualTo(1);
        assertThat(event.productId()).hasToString((String) product.get("id"));
        assertThat(event.productName()).isEqualTo(product.get("name"));
        assertThat(event.price()).isEqualTo(129_000);
        assertThat(event.quantity()).isEqualTo(50);
        assertThat(event.perUserLimit()).isEqualTo(2);
        assertThat(event.opensAt()).isEqualTo(Instant.parse((String) body.get("opensAt")));
        assertThat(event.closedAt()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "negative price, price",
        "no units, quantity",
        "limit zero, perUserLimit",
        "limit above quantity, perUserLimit",
        "closes before it opens, closesAt",
        "opens in the past, opensAt",
        "opens now, opensAt",
        "missing price, price",
        "missing opensAt, opensAt",
        "missing productId, productId",
    })
    void invalidDropsAreRefusedAndChangeNothing(String rule, String field) {
        Object productId = createProduct().get("id");
        Instant now = clock.instant();
        UnaryOperator<CatalogMother.DropBuilder> broken = switch (rule) {
            case "negative price" -> drop -> drop.price(-1);
            case "no units" -> drop -> drop.quantity(0).perUserLimit(1);
            case "limit zero" -> drop -> drop.perUserLimit(0);
            case "limit above quantity" -> drop -> drop.quantity(3).perUserLimit(4);
            case "closes before it opens" ->
                drop -> drop.opensAt(now.plus(Duration.ofHours(2))).closesAt(now.plus(Duration.ofHours(1)));
            case "opens in the past" -> drop -> drop.opensIn(Duration.ofMinutes(-5));
            case "opens now" -> drop -> drop.opensAt(now.minusMillis(1));
            case "missing price" -> drop -> drop.without("price");
            case "missing opensAt" -> drop -> drop.without("opensAt");
            case "missing productId" -> drop -> drop.without("productId");
            default -> throw new IllegalArgumentException(rule);
        };
        long drops = count("select count(*) from catalog_drop");
        long events = count("select count(*) from outbox_event");

        Map<String, Object> problem = assertProblem(
                post(
                        "/api/admin/drops",
                        broken.apply(CatalogMother.drop(productId, now)).build(),
                        adminToken()),
                HttpStatus.BAD_REQUEST,
                "validation");

        assertThat(fields(problem)).contains(field);
        assertThat(count("select count(*) from catalog_drop")).isEqualTo(drops);
        assertThat(count("select count(*) from outbox_event")).isEqualTo(events);
    }

    @Test
    void everyBrokenRuleIsListedAtOnce() {
        Object productId = createProduct().get("id");
        Instant now = clock.instant();
        Map<String, Object> body = CatalogMother.drop(productId, now)
                .price(-5)
                .quantity(0)
                .perUserLimit(0)
                .opensAt(now.minusSeconds(60))
                .closesAt(now.minusSeconds(120))
                .build();

        Map<String, Object> problem =
                assertProblem(post("/api/admin/drops", body, adminToken()), HttpStatus.BAD_REQUEST, "validation");

        assertThat(fields(problem))
                .containsExactlyInAnyOrder("price", "quantity", "perUserLimit", "opensAt", "closesAt");
    }

    @Test
    void wrongTypesAreRefused() {
        Map<String, Object> body = CatalogMother.drop(createProduct().get("id"), clock.instant())
                .with("price", "a lot")
                .build();

        assertProblem(post("/api/admin/drops", body, adminToken()), HttpStatus.BAD_REQUEST, "wrong-type");
    }

    @Test
    void dropOfAnUnknownProductIsUnprocessableAndChangesNothing() {
        long drops = count("select count(*) from catalog_drop");
        Map<String, Object> body =
                CatalogMother.drop(UUID.randomUUID(), clock.instant()).build();

        Map<String, Object> problem = assertProblem(
                post("/api/admin/drops", body, adminToken()), HttpStatus.UNPROCESSABLE_CONTENT, "unknown-product");

        assertThat(problem).containsEntry("productId", body.get("productId").toString());
        assertThat(count("select count(*) from catalog_drop")).isEqualTo(drops);
    }

    @Test
    void unknownDropIsNotFound() {
        assertProblem(get("/api/drops/" + UUID.randomUUID(), null), HttpStatus.NOT_FOUND, "drop-not-found");
    }

    @SuppressWarnings("unchecked")
    static List<String> fields(Map<String, Object> problem) {
        return ((List<Map<String, Object>>) problem.get("errors"))
                .stream().map(error -> (String) error.get("field")).toList();
    }
}
