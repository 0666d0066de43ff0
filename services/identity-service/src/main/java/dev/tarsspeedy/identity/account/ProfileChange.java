package dev.tarsspeedy.identity.account;

import dev.tarsspeedy.platform.caller.Language;
import java.time.ZoneId;
import java.util.Optional;

/** A change of profile; an empty field stays as it is. */
public record ProfileChange(Optional<String> name, Optional<Language> language, Optional<ZoneId> timeZone) {}
