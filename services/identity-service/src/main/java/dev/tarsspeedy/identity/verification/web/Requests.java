package dev.tarsspeedy.identity.verification.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the verification and password-reset endpoints. */
final class Requests {

    private Requests() {}

    record VerifyRequest(
            @NotBlank @Size(max = 254) String email,

            @NotNull @Pattern(regexp = "\\d{6}", message = "must be the 6 digits from the email")
            String code) {}

    record EmailRequest(@NotBlank @Size(max = 254) String email) {}

    record ResetRequest(
            @NotBlank @Size(max = 254) String email,

            @NotNull @Pattern(regexp = "\\d{6}", message = "must be the 6 digits from the email")
            String code,

            @NotNull @Size(min = 10, max = 128) String newPassword) {

        @Override
        public String toString() {
            return "ResetRequest[email=" + email + "]";
        }
    }

    record VerifiedResponse(String status) {}
}
