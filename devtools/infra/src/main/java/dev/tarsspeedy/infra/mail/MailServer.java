package dev.tarsspeedy.infra.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import dev.tarsspeedy.infra.AbstractManagedServer;
import dev.tarsspeedy.infra.InfraSettings;
import dev.tarsspeedy.infra.process.NetworkPorts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An SMTP server that keeps every message it receives, with an HTTP mailbox to read them ({@code GET
 * /api/messages?to=ADDRESS}, {@code DELETE /api/messages}, a web page at {@code /}); or an external SMTP server
 * and mailbox from {@code INFRA_SMTP_URL} and {@code INFRA_MAILBOX_URL}.
 *
 * <p>Locally it is GreenMail, in process: any recipient is accepted, any or no credentials too. Messages live in
 * memory and are gone after a restart.
 */
public final class MailServer extends AbstractManagedServer {

    private static final long SMTP_STARTUP_TIMEOUT_MILLIS = 10_000;
    private static final int HTTP_STOP_DELAY_SECONDS = 1;

    private final MailStore store = new MailStore();
    private String smtpHost = NetworkPorts.LOOPBACK;
    private int smtpPort;
    private int mailboxPort;
    private Optional<String> externalMailboxUrl = Optional.empty();
    private volatile GreenMail greenMail; // read by the mailbox's threads
    private HttpServer http;
    private ExecutorService httpExecutor;

    public MailServer(InfraSettings settings) {
        super("mail", settings);
        this.smtpPort = settings.ports().smtp();
        this.mailboxPort = settings.ports().mailbox();
        settings.external().smtp().ifPresent(this::useExternal);
    }

    @Override
    public boolean isExternal() {
        return settings.external().smtp().isPresent();
    }

    @Override
    protected void startServer() throws IOException {
        store.clear(); // a new GreenMail starts empty; so does the mailbox
        GreenMail smtp = newGreenMail();
        smtp.start();
        greenMail = smtp;
        // Keep the port chosen for 0, so that a restart serves clients configured with it.
        smtpPort = smtp.getSmtp().getPort();
        try {
            startMailbox();
        } catch (IOException | RuntimeException e) {
            smtp.stop();
            greenMail = null;
            throw e;
        }
    }

    private GreenMail newGreenMail() {
        ServerSetup setup = new ServerSetup(smtpPort, smtpHost, ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(SMTP_STARTUP_TIMEOUT_MILLIS);
        GreenMail smtp = new GreenMail(setup);
        smtp.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        // GreenMail's own handler creates unknown recipients on the fly; recording in front of it sees every
        // message with its envelope before it is stored. Set before start(), which keeps these managers.
        UserManager users = smtp.getUserManager();
        MessageDeliveryHandler createRecipient = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler((delivery, recipient) -> {
            record(delivery);
            return createRecipient.handle(delivery, recipient);
        });
        return smtp;
    }

    private void record(MovingMessage delivery) {
        try {
            store.record(delivery)
                    .ifPresent(message -> log.info(
                            "mail {} received from {} to {}: {}",
                            message.id(),
                            message.from(),
                            message.to(),
                            message.subject()));
        } catch (RuntimeException e) {
            // A mailbox bug must not make the SMTP server reject the application's mail.
            log.warn("could not record mail to {} in the mailbox", delivery.getToAddresses(), e);
        }
    }

    private void startMailbox() throws IOException {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(NetworkPorts.LOOPBACK, mailboxPort), 0);
        } catch (IOException e) {
            throw new IOException(
                    "the HTTP mailbox cannot listen on " + NetworkPorts.LOOPBACK + ":" + mailboxPort + ": " + e, e);
        }
        // Virtual threads are daemons: a mailbox left running never keeps the JVM alive.
        ExecutorService executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("mailbox-http-", 0).factory());
        server.setExecutor(executor);
        server.createContext("/", new MailboxHttpHandler(store, this::deleteAll));
        server.start();
        http = server;
        httpExecutor = executor;
        mailboxPort = server.getAddress().getPort();
    }

    /** Empties the mailbox and GreenMail's mail folders alike. */
    private void deleteAll() {
        GreenMail smtp = greenMail;
        if (smtp == null) {
            store.clear();
            return;
        }
        // SmtpManager.send() holds this lock while it delivers: no message lands between the two purges.
        synchronized (smtp.getManagers().getSmtpManager()) {
            store.clear();
            try {
                smtp.purgeEmailFromAllMailboxes();
            } catch (FolderException e) {
                throw new IllegalStateException("cannot purge GreenMail's mail folders: " + e.getMessage(), e);
            }
        }
    }

    @Override
    protected void stopServer() throws InterruptedException {
        HttpServer server = http;
        ExecutorService executor = httpExecutor;
        GreenMail smtp = greenMail;
        http = null;
        httpExecutor = null;
        greenMail = null;
        try {
            if (server != null) {
                server.stop(HTTP_STOP_DELAY_SECONDS); // lets requests under way finish
            }
        } finally {
            try {
                if (executor != null) {
                    executor.shutdown();
                    if (!executor.awaitTermination(HTTP_STOP_DELAY_SECONDS, TimeUnit.SECONDS)) {
                        executor.shutdownNow();
                    }
                }
            } finally {
                if (smtp != null) {
                    smtp.stop();
                }
            }
        }
    }

    @Override
    protected void checkExternal() throws IOException {
        if (!NetworkPorts.isOpen(smtpHost, smtpPort)) {
            throw new IOException("external SMTP server at " + smtpHost + ":" + smtpPort
                    + " (INFRA_SMTP_URL) does not accept connections");
        }
        String mailbox = requireExternalMailbox();
        try {
            new HttpMailbox(mailbox).messages();
        } catch (RuntimeException e) {
            throw new IOException(
                    "external mailbox at " + mailbox + " (INFRA_MAILBOX_URL) does not answer GET /api/messages: "
                            + e.getMessage(),
                    e);
        }
    }

    @Override
    public List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.add(new Endpoint("SMTP", "smtp://" + smtpHost + ":" + smtpPort));
        mailboxBaseUrl().ifPresent(url -> endpoints.add(new Endpoint("Mailbox", url + "/")));
        return List.copyOf(endpoints);
    }

    public String smtpHost() {
        return smtpHost;
    }

    public int smtpPort() {
        requireRunning();
        return smtpPort;
    }

    /** The mailbox's base URL, {@code http://127.0.0.1:PORT}. */
    public String mailboxUrl() {
        requireRunning();
        return isExternal() ? requireExternalMailbox() : mailboxBaseUrl().orElseThrow();
    }

    /** A client for the HTTP mailbox. */
    public Mailbox mailbox() {
        return new HttpMailbox(mailboxUrl());
    }

    /**
     * How many messages this server has received since it was made (each once, however many recipients it had); a
     * purge of the mailbox does not lower it, so a benchmark can count a flood of mail while it empties the mailbox.
     */
    public long received() {
        return store.received();
    }

    /** How many copies GreenMail itself stores: one per recipient. Lets tests see that a purge reaches it. */
    int greenMailCopies() {
        GreenMail smtp = greenMail;
        return smtp == null ? 0 : smtp.getReceivedMessages().length;
    }

    private Optional<String> mailboxBaseUrl() {
        return isExternal() ? externalMailboxUrl : Optional.of("http://" + NetworkPorts.LOOPBACK + ":" + mailboxPort);
    }

    private String requireExternalMailbox() {
        return externalMailboxUrl.orElseThrow(() -> new IllegalStateException("the external SMTP server at "
                + smtpHost + ":" + smtpPort + " (INFRA_SMTP_URL) needs the HTTP mailbox that reads its mail:"
                + " set INFRA_MAILBOX_URL, e.g. http://" + smtpHost + ":8025"));
    }

    private void useExternal(URI smtp) {
        smtpHost = Optional.ofNullable(smtp.getHost()).orElse("localhost");
        smtpPort = smtp.getPort() > 0 ? smtp.getPort() : 25;
        externalMailboxUrl =
                settings.external().mailbox().map(uri -> uri.toString().replaceFirst("/+$", ""));
    }
}
