package dev.tarsspeedy.identity.account.web;

import dev.tarsspeedy.identity.account.Account;
import dev.tarsspeedy.identity.account.Role;
import java.time.Instant;
import java.util.List;

/** Response bodies of the account endpoints. */
final class Responses {

    private Responses() {}

    record SignupResponse(String userId, String email, String status) {

        static SignupResponse of(Account account) {
            return new SignupResponse(
                    account.id().toString(),
                    account.email().value(),
                    account.status().name());
        }
    }

    record UserResponse(
            String id,
            String email,
            String name,
            String locale,
            String timeZone,
            List<String> roles,
            Instant createdAt) {

        static UserResponse of(Account account) {
            return new UserResponse(
                    account.id().toString(),
                    account.email().value(),
                    account.name(),
                    account.language().tag(),
                    account.timeZone().getId(),
                    account.roles().stream().map(Role::name).toList(),
                    account.createdAt());
        }
    }
}
