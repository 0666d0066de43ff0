package dev.tarsspeedy.catalog.reminder.web;

import dev.tarsspeedy.catalog.reminder.ReminderService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * RFC 8058 one-click unsubscribe from a drop reminder: mailbox providers {@code POST} the link of the
 * {@code List-Unsubscribe} header with the body {@code List-Unsubscribe=One-Click}, without a token or cookie. The
 * body is not needed: the link's token says which reminder.
 */
@RestController
class UnsubscribeController {

    private final ReminderService reminders;

    UnsubscribeController(ReminderService reminders) {
        this.reminders = reminders;
    }

    @PostMapping("/api/wishlist/reminders/{token}/unsubscribe")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> unsubscribe(@PathVariable String token) {
        return reminders.unsubscribe(token).onErrorMap(ReminderProblems::translate);
    }
}
