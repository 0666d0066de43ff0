package dev.tarsspeedy.infra.mail;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The mailbox's web pages: self-contained HTML with inline CSS and no scripts. All message data is escaped; a
 * message's own HTML is shown only inside a sandboxed iframe.
 */
final class MailboxPage {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private static final String STYLE = """
            :root { color-scheme: light dark; --line: #8884; --muted: #888; }
            body { font: 14px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem; }
            header { display: flex; align-items: center; gap: 1rem; border-bottom: 1px solid var(--line); }
            header h1 { font-size: 1.25rem; margin: .5rem 0; flex: 1; }
            a { color: inherit; }
            table { border-collapse: collapse; width: 100%; }
            th, td { text-align: left; vertical-align: top; padding: .4rem .6rem; border-bottom: 1px solid var(--line); }
            th { font-weight: 600; white-space: nowrap; }
            td.time { white-space: nowrap; color: var(--muted); }
            .empty { color: var(--muted); padding: 3rem 0; text-align: center; }
            .muted { color: var(--muted); }
            h2 { font-size: 1rem; margin: 1.5rem 0 .5rem; }
            pre { white-space: pre-wrap; word-break: break-word; padding: .75rem; border: 1px solid var(--line); }
            iframe { width: 100%; height: 60vh; border: 1px solid var(--line); background: #fff; resize: vertical; }
            table.headers td:first-child { white-space: nowrap; font-weight: 600; width: 1%; }
            button { font: inherit; padding: .25rem .75rem; cursor: pointer; }
            """;

    private MailboxPage() {}

    /** Every message, newest first; links are relative so the page also works behind a path prefix. */
    static String list(List<MailMessage> oldestFirst) {
        StringBuilder body = new StringBuilder()
                .append("<header><h1>Mailbox</h1><span class=\"muted\">")
                .append(oldestFirst.size())
                .append(oldestFirst.size() == 1 ? " message" : " messages")
                .append("</span><a href=\"./\">Refresh</a>")
                .append("<form method=\"post\" action=\"api/messages/delete\"><button>Delete all</button></form>")
                .append("</header>\n");
        if (oldestFirst.isEmpty()) {
            body.append("<p class=\"empty\">No mail yet. Messages sent to the SMTP server show up here.</p>\n");
        } else {
            body.append("<table><thead><tr><th>Received</th><th>From</th><th>To</th><th>Subject</th></tr></thead>")
                    .append("<tbody>\n");
            for (MailMessage message : oldestFirst.reversed()) {
                body.append("<tr><td class=\"time\">")
                        .append(time(message.receivedAt()))
                        .append("</td><td>")
                        .append(escape(message.from()))
                        .append("</td><td>")
                        .append(escape(String.join(", ", message.to())))
                        .append("</td><td><a href=\"messages/")
                        .append(escape(message.id()))
                        .append("\">")
                        .append(subjectOf(message))
                        .append("</a></td></tr>\n");
            }
            body.append("</tbody></table>\n");
        }
        return page("Mailbox (" + oldestFirst.size() + ")", body.toString());
    }

    /** One message: its headers, the text body as text and the HTML body rendered in a sandbox. */
    static String message(MailMessage message) {
        StringBuilder body = new StringBuilder()
                .append("<header><h1>")
                .append(subjectOf(message))
                .append("</h1><a href=\"../\">All messages</a></header>\n")
                .append("<table class=\"headers\"><tbody>\n");
        row(body, "Received", time(message.receivedAt()));
        row(body, "From", escape(message.from()));
        row(body, "To", escape(String.join(", ", message.to())));
        body.append("</tbody></table>\n");

        body.append("<h2>Text</h2>\n");
        if (message.text() == null) {
            body.append("<p class=\"muted\">No text part.</p>\n");
        } else {
            body.append("<pre>").append(escape(message.text())).append("</pre>\n");
        }

        body.append("<h2>HTML</h2>\n");
        if (message.html() == null) {
            body.append("<p class=\"muted\">No HTML part.</p>\n");
        } else {
            // No allow-scripts and no allow-same-origin: the mail's markup cannot run code or reach this page.
            body.append("<iframe title=\"HTML body\" sandbox=\"allow-popups allow-popups-to-escape-sandbox\"")
                    .append(" srcdoc=\"")
                    .append(escape(message.html()))
                    .append("\"></iframe>\n");
        }

        body.append("<h2>Headers</h2>\n<table class=\"headers\"><tbody>\n");
        for (Map.Entry<String, List<String>> header : message.headers().entrySet()) {
            for (String value : header.getValue()) {
                row(body, escape(header.getKey()), escape(value));
            }
        }
        body.append("</tbody></table>\n");
        return page(message.subject() == null ? "(no subject)" : message.subject(), body.toString());
    }

    /** Escapes text for HTML content and for quoted attribute values alike. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String page(String title, String body) {
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + "</title><style>\n" + STYLE + "</style></head>\n<body>\n"
                + body + "</body></html>\n";
    }

    private static void row(StringBuilder body, String escapedName, String escapedValue) {
        body.append("<tr><td>")
                .append(escapedName)
                .append("</td><td>")
                .append(escapedValue)
                .append("</td></tr>\n");
    }

    private static String subjectOf(MailMessage message) {
        String subject = message.subject();
        return subject == null || subject.isBlank() ? "<span class=\"muted\">(no subject)</span>" : escape(subject);
    }

    private static String time(Instant instant) {
        return "<time datetime=\"" + instant + "\">" + TIME.format(instant) + "</time>";
    }
}
