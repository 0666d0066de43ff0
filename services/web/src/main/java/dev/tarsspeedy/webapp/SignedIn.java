package dev.tarsspeedy.webapp;

import java.io.Serializable;
import java.util.Set;
import java.util.UUID;

/**
 * Who the browser's session belongs to, kept in the server-side session beside the tokens (never sent to the
 * browser).
 *
 * @param timeZone IANA zone the user's times are shown in
 * @param locale the language the user chose in the profile ({@code ko}, {@code en})
 */
public record SignedIn(UUID userId, String email, String name, Set<String> roles, String timeZone, String locale)
        implements Serializable {

    /** The session attribute that holds it. */
    public static final String SESSION_ATTRIBUTE = "signedIn";

    public SignedIn {
        roles = Set.copyOf(roles);
    }

    public boolean operator() {
        return roles.contains("ADMIN");
    }
}
