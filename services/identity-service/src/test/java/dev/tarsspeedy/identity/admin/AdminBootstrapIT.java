package dev.tarsspeedy.identity.admin;

import static dev.tarsspeedy.platform.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import dev.tarsspeedy.identity.account.AccountRepository;
import dev.tarsspeedy.identity.account.PasswordPolicy;
import dev.tarsspeedy.identity.crypto.PasswordHasher;
import dev.tarsspeedy.identity.support.IdentityTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The operator account from {@code identity.admin.*} (the test profile sets {@code Admin@Example.com}): made at start,
 * once, with the ADMIN role that admin paths require.
 */
class AdminBootstrapIT extends IdentityTestBase {

    private static final String ADMIN = "admin@example.com";
    private static final String ADMIN_PASSWORD = "Bootstrap-Root-Pass-1";

    @Autowired
    AdminBootstrap bootstrap;

    @Autowired
    AccountRepository accounts;

    @Autowired
    PasswordPolicy passwordPolicy;

    @Autowired
    PasswordHasher passwords;

    @Autowired
    TransactionalOperator transaction;

    @Test
    void theAdminExistsOnceActiveWithBothRolesAndBootstrappingAgainChangesNothing() {
        Map<String, Object> before = adminRow();
        assertThat(before).containsEntry("status", "ACTIVE");
        assertThat(List.of((String[]) before.get("roles"))).containsExactlyInAnyOrder("USER", "ADMIN");

        // As if the service started twice more.
        assertThat(bootstrap.bootstrap().block()).isEqualTo(AdminBootstrap.Outcome.ALREADY_EXISTS);
        bootstrap.run(null);

        assertThat(accountsWithEmail(ADMIN)).isEqualTo(1);
        Map<String, Object> after = adminRow();
        assertThat(after.get("id")).isEqualTo(before.get("id"));
        assertThat(after.get("password_hash")).isEqualTo(before.get("password_hash"));
        assertThat(after.get("updated_at")).isEqualTo(before.get("updated_at"));
    }

    @Test
    void theAdminsTokenPassesTheAdminPathCheckAndAUsersDoesNot() throws Exception {
        String admin = (String) login(ADMIN, ADMIN_PASSWORD).get("accessToken");
        assertThat(SignedJWT.parse(admin).getJWTClaimsSet().getStringListClaim("roles"))
                .containsExactly("USER", "ADMIN");
        String email = activeAccount("Kim");
        String user = (String) login(email, PASSWORD).get("accessToken");

        List<Map<String, Object>> found = client().get()
                .uri(uri -> uri.path("/api/users").queryParam("email", email).build())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBodyList(MAP)
                .returnResult()
                .getResponseBody();
        assertThat(found)
                .singleElement()
                .satisfies(account ->
                        assertThat(account).containsEntry("email", email).containsEntry("name", "Kim"));

        assertProblem(
                client().get()
                        .uri(uri -> uri.path("/api/users")
                                .queryParam("email", email)
                                .build())
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + user)
                        .exchange(),
                HttpStatus.FORBIDDEN,
                "forbidden");
        assertProblem(
                client().get()
                        .uri(uri -> uri.path("/api/users")
                                .queryParam("email", email)
                                .build())
                        .exchange(),
                HttpStatus.UNAUTHORIZED,
                "unauthorized");
        // The user's own profile stays open to the user.
        getMe(user).expectStatus().isOk();
    }

    @Test
    void anExistingAccountWithTheConfiguredAddressIsLeftAlone() {
        String email = activeAccount("Kim");
        Map<String, Object> before = row(email);

        AdminBootstrap other = bootstrapFor(email, "Some-Other-Admin-Pass-2");
        assertThat(other.bootstrap().block()).isEqualTo(AdminBootstrap.Outcome.ALREADY_EXISTS);

        Map<String, Object> after = row(email);
        assertThat(List.of((String[]) after.get("roles"))).containsExactly("USER");
        assertThat(after.get("password_hash")).isEqualTo(before.get("password_hash"));
        login(email, PASSWORD);
    }

    @Test
    void aFreshAddressIsCreatedOnceAndABadConfigurationStopsTheStart() {
        String email = newEmail();
        AdminBootstrap fresh = bootstrapFor(email.toUpperCase(), "Fresh-Admin-Pass-3");
        assertThat(fresh.bootstrap().block()).isEqualTo(AdminBootstrap.Outcome.CREATED);
        assertThat(fresh.bootstrap().block()).isEqualTo(AdminBootstrap.Outcome.ALREADY_EXISTS);
        assertThat(accountsWithEmail(email)).isEqualTo(1);

        assertThatThrownBy(() ->
                        bootstrapFor(newEmail(), "password123").bootstrap().block())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("IDENTITY_ADMIN_PASSWORD");
        assertThatThrownBy(() -> bootstrapFor("not an address", "Fresh-Admin-Pass-3")
                        .bootstrap()
                        .block())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("IDENTITY_ADMIN_EMAIL");
        assertThat(bootstrapFor("", "").bootstrap().block()).isEqualTo(AdminBootstrap.Outcome.NOT_CONFIGURED);
    }

    private AdminBootstrap bootstrapFor(String email, String password) {
        return new AdminBootstrap(
                new AdminSettings(email, password, "Operator", "en"),
                accounts,
                passwordPolicy,
                passwords,
                transaction,
                clock);
    }

    private Map<String, Object> adminRow() {
        return row(ADMIN);
    }

    private Map<String, Object> row(String email) {
        return database.sql(
                        "select id, status, roles, password_hash, updated_at from user_account where email = :email")
                .bind("email", email)
                .fetch()
                .one()
                .block();
    }
}
