package dev.tarsspeedy.identity.account;

import dev.tarsspeedy.platform.caller.Language;
import java.time.ZoneId;

/** A sign-up, checked for form by the web layer; the password is checked against the policy here. */
public record SignUp(EmailAddress email, String password, String name, Language language, ZoneId timeZone) {

    @Override
    public String toString() {
        return "SignUp[email=" + email + ", language=" + language + ", timeZone=" + timeZone + "]";
    }
}
