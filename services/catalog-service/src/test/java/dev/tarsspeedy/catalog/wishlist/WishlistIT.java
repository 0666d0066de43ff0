package dev.tarsspeedy.catalog.wishlist;

import static dev.tarsspeedy.platform.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.catalog.support.CatalogTestBase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A signed-in shopper's wishlist: put and delete are idempotent; the list shows drop views. */
class WishlistIT extends CatalogTestBase {

    @Test
    void putTwiceKeepsOneEntryAndDeleteTwiceRemovesIt() {
        Shopper shopper = newShopper();
        Map<String, Object> later = newDrop(Duration.ofHours(2));
        Map<String, Object> sooner = newDrop(Duration.ofHours(1));

        put(shopper, later.get("id"), "ko-KR,ko;q=0.9").expectStatus().isNoContent();
        put(shopper, later.get("id"), "ko").expectStatus().isNoContent();
        put(shopper, sooner.get("id"), null).expectStatus().isNoContent();

        assertThat(list(shopper)).extracting(view -> view.get("id")).containsExactly(sooner.get("id"), later.get("id"));
        assertThat(list(shopper).getFirst()).isEqualTo(drop(sooner.get("id")));
        assertThat(count("select count(*) from wishlist_entry where user_id = '" + shopper.id() + "'"))
                .isEqualTo(2);
        assertThat(localeOf(shopper, later.get("id"))).isEqualTo("ko");
        assertThat(localeOf(shopper, sooner.get("id"))).isEqualTo("en");

        delete(shopper, later.get("id")).expectStatus().isNoContent();
        delete(shopper, later.get("id")).expectStatus().isNoContent();

        assertThat(list(shopper)).extracting(view -> view.get("id")).containsExactly(sooner.get("id"));
    }

    @Test
    void wishlistsAreEachShoppersOwn() {
        Shopper one = newShopper();
        Shopper other = newShopper();
        Map<String, Object> drop = newDrop(Duration.ofHours(1));

        put(one, drop.get("id"), null).expectStatus().isNoContent();

        assertThat(list(other)).isEmpty();
        assertThat(list(one)).hasSize(1);
    }

    @Test
    void unknownDropIsNotFoundAndNothingIsStored() {
        Shopper shopper = newShopper();

        assertProblem(put(shopper, UUID.randomUUID(), null), HttpStatus.NOT_FOUND, "drop-not-found");

        assertThat(list(shopper)).isEmpty();
    }

    @Test
    void wishlistNeedsAnAccount() {
        assertProblem(get("/api/wishlist", null), HttpStatus.UNAUTHORIZED, "unauthorized");
        assertProblem(
                client().put().uri("/api/wishlist/" + UUID.randomUUID()).exchange(),
                HttpStatus.UNAUTHORIZED,
                "unauthorized");
    }

    @Test
    void aTokenThatNamesNoUserIsUnauthorizedAsInEveryService() {
        // The platform's one answer for a token without a user id as its subject (a service token): 401.
        String serviceToken = JWKS.token("stock-sync", List.of("USER"));

        assertProblem(
                client(serviceToken)
                        .put()
                        .uri("/api/wishlist/" + UUID.randomUUID())
                        .exchange(),
                HttpStatus.UNAUTHORIZED,
                "unauthorized");
        assertProblem(get("/api/wishlist", serviceToken), HttpStatus.UNAUTHORIZED, "unauthorized");
    }

    private WebTestClient.ResponseSpec put(Shopper shopper, Object dropId, String acceptLanguage) {
        WebTestClient.RequestBodySpec request = client().put()
                .uri("/api/wishlist/" + dropId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + shopper.token());
        if (acceptLanguage != null) {
            request.header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
        }
        return request.exchange();
    }

    private WebTestClient.ResponseSpec delete(Shopper shopper, Object dropId) {
        return client().delete()
                .uri("/api/wishlist/" + dropId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + shopper.token())
                .exchange();
    }

    private List<Map<String, Object>> list(Shopper shopper) {
        return get("/api/wishlist", shopper.token())
                .expectStatus()
                .isOk()
                .expectBody(LIST)
                .returnResult()
                .getResponseBody();
    }

    private String localeOf(Shopper shopper, Object dropId) {
        return database.sql("select locale from wishlist_entry where user_id = :user and drop_id = :drop")
                .bind("user", shopper.id())
                .bind("drop", UUID.fromString((String) dropId))
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }
}
