package dev.tarsspeedy.identity.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator account made at start when both email and password are set ({@code IDENTITY_ADMIN_EMAIL},
 * {@code IDENTITY_ADMIN_PASSWORD}).
 */
@ConfigurationProperties("identity.admin")
public record AdminSettings(
        String email,
        String password,
        @DefaultValue("Administrator") String name,
        @DefaultValue("en") String locale) {

    boolean configured() {
        return email != null && !email.isBlank() && password != null && !password.isEmpty();
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "AdminSettings[email=" + email + ", name=" + name + ", locale=" + locale + "]";
    }
}
