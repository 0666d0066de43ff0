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
}
