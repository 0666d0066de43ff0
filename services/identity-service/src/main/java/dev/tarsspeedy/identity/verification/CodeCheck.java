package dev.tarsspeedy.identity.verification;

import reactor.core.publisher.Mono;

/** What checking an entered code found. */
sealed interface CodeCheck {

    /** The code was right and is now used up. */
    record Accepted() implements CodeCheck {}

    /** Wrong code; counted. */
    record Rejected(int attemptsLeft) implements CodeCheck {}

    record Expired() implements CodeCheck {}

    /** Too many wrong entries: the code is dead. */
    record Exhausted() implements CodeCheck {}

    /** No live code (none requested, already used, or no such account). */
    record NoCode() implements CodeCheck {}

    /** Completes for an accepted code, else fails with the matching exception. */
    static Mono<Void> orError(CodeCheck check) {
        return switch (check) {
            case Accepted accepted -> Mono.empty();
            case Rejected rejected -> Mono.error(new CodeInvalidException(rejected.attemptsLeft()));
            case Expired expired -> Mono.error(new CodeExpiredException());
            case Exhausted exhausted -> Mono.error(new CodeExhaustedException());
            case NoCode none -> Mono.error(new CodeInvalidException(null));
        };
    }
}
