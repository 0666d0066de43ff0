package dev.tarsspeedy.infra.mail;

import dev.tarsspeedy.infra.AbstractManagedServer;
import dev.tarsspeedy.infra.InfraSettings;
import java.util.List;

/**
 * An SMTP server that keeps every message it receives, with an HTTP mailbox to read them ({@code GET
 * /api/messages?to=ADDRESS}, {@code DELETE /api/messages}, a web page at {@code /}); or an external SMTP server
 * and mailbox from {@code INFRA_SMTP_URL} and {@code INFRA_MAILBOX_URL}.
 */
public final class MailServer extends AbstractManagedServer {

    public MailServer(InfraSettings settings) {
        super("mail", settings);
    }

    @Override
    public boolean isExternal() {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    protected void startServer() {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    protected void stopServer() {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    protected void checkExternal() {
        throw new UnsupportedOperationException("TODO");
    }

    @Override
    public List<Endpoint> endpoints() {
        throw new UnsupportedOperationException("TODO");
    }

    public String smtpHost() {
        throw new UnsupportedOperationException("TODO");
    }

    public int smtpPort() {
        throw new UnsupportedOperationException("TODO");
    }

    /** The mailbox's base URL, {@code http://127.0.0.1:PORT}. */
    public String mailboxUrl() {
        throw new UnsupportedOperationException("TODO");
    }

    /** A client for the HTTP mailbox. */
    public Mailbox mailbox() {
        throw new UnsupportedOperationException("TODO");
    }
}
