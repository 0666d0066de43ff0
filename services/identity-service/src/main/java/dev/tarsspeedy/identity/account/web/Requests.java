package dev.tarsspeedy.identity.account.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the account endpoints. */
final class Requests {

    private Requests() {}

    record SignupRequest(
            @NotBlank @Size(max = 254) String email,
            @NotNull @Size(min = 10, max = 128) String password,
            @NotBlank @Size(max = 100) String name,

            @Pattern(regexp = "ko|en", message = "must be ko or en")
            String locale,

            @TimeZoneId String timeZone) {

        @Override
        public String toString() {
            return "SignupRequest[email=" + email + "]";
        }
    }

    record ProfileRequest(
            @Size(min = 1, max = 100) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
            String name,

            @Pattern(regexp = "ko|en", message = "must be ko or en")
            String locale,

            @TimeZoneId String timeZone) {}
}
