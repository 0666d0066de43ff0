package dev.tarsspeedy.notification.delivery;

import dev.tarsspeedy.contracts.notification.EmailRequested;
import java.util.Set;

/** Turns a request into subject, text and HTML. Pure computation: no I/O besides reading templates once. */
public interface EmailRenderer {

    /**
     * @throws RejectedRequestException for an unknown template or a model that does not fit the template
     */
    RenderedEmail render(EmailRequested request);

    /** The template ids this renderer knows. */
    Set<String> templates();

    /**
     * Whether the template's mail is bulk (a report, a reminder) whatever category the request gives it: sent as
     * {@code BULK}, it needs an unsubscribe URL and carries the RFC 8058 headers.
     */
    boolean isBulk(String template);
}
