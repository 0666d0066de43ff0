package dev.tarsspeedy.catalog;

import static dev.tarsspeedy.platform.test.ProblemAssertions.assertProblem;

import dev.tarsspeedy.catalog.support.CatalogMother;
import dev.tarsspeedy.catalog.support.CatalogTestBase;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;

/** Operators' paths need the ADMIN role: no token is 401, a shopper's token 403, and nothing changes. */
class AdminAccessIT extends CatalogTestBase {

    @ParameterizedTest
    @ValueSource(strings = {"/api/admin/products", "/api/admin/drops", "/api/admin/drops/{id}/close"})
    void noTokenIsUnauthorized(String path) {
        String uri = path.replace("{id}", UUID.randomUUID().toString());

        assertProblem(post(uri, body(path), null), HttpStatus.UNAUTHORIZED, "unauthorized");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/admin/products", "/api/admin/drops", "/api/admin/drops/{id}/close"})
    void shopperIsForbidden(String path) {
        String uri = path.replace("{id}", UUID.randomUUID().toString());

        assertProblem(post(uri, body(path), newShopper().token()), HttpStatus.FORBIDDEN, "forbidden");
    }

    @org.junit.jupiter.api.Test
    void patchNeedsAnAdminToo() {
        String uri = "/api/admin/drops/" + UUID.randomUUID();

        assertProblem(patch(uri, Map.of("price", 1), null), HttpStatus.UNAUTHORIZED, "unauthorized");
        assertProblem(patch(uri, Map.of("price", 1), newShopper().token()), HttpStatus.FORBIDDEN, "forbidden");
    }

    @org.junit.jupiter.api.Test
    void shopperCannotCreateAProductAndNothingIsStored() {
        long before = count("select count(*) from product");

        assertProblem(
                post(
                        "/api/admin/products",
                        CatalogMother.product(),
                        newShopper().token()),
                HttpStatus.FORBIDDEN,
                "forbidden");

        org.assertj.core.api.Assertions.assertThat(count("select count(*) from product"))
                .isEqualTo(before);
    }

    private Map<String, Object> body(String path) {
        return path.endsWith("products")
                ? CatalogMother.product()
                : CatalogMother.drop(UUID.randomUUID(), clock.instant()).build();
    }
}
