package dev.tarsspeedy.infra.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MailStoreTest {

    private final MailStore store = new MailStore();

    @Test
    void keepsAMessageOnceHoweverManyRecipientsItIsDeliveredTo() throws Exception {
        MovingMessage delivery = delivery("first", "a@example.com", "b@example.com");

        assertThat(store.record(delivery)).isPresent();
        assertThat(store.record(delivery)).isEmpty(); // GreenMail's call for the second recipient

        assertThat(store.all()).singleElement().satisfies(message -> {
            assertThat(message.subject()).isEqualTo("first");
            assertThat(message.to()).containsExactly("a@example.com", "b@example.com");
            assertThat(message.from()).isEqualTo("shop@example.com");
        });
    }

    @Test
    void filtersByRecipientIgnoringCaseInReceiveOrder() throws Exception {
        store.record(delivery("first", "a@example.com"));
        store.record(delivery("second", "b@example.com"));
        store.record(delivery("third", "A@Example.com", "b@example.com"));

        assertThat(store.to("a@EXAMPLE.com")).extracting(MailMessage::subject).containsExactly("first", "third");
        assertThat(store.to("b@example.com")).extracting(MailMessage::subject).containsExactly("second", "third");
        assertThat(store.to("c@example.com")).isEmpty();
        assertThat(store.all()).extracting(MailMessage::subject).containsExactly("first", "second", "third");
    }

    @Test
    void idsStayUniqueAcrossAClear() throws Exception {
        String before =
                store.record(delivery("first", "a@example.com")).orElseThrow().id();
        store.clear();
        assertThat(store.all()).isEmpty();
        assertThat(store.byId(before)).isEmpty();

        String after =
                store.record(delivery("second", "a@example.com")).orElseThrow().id();

        assertThat(after).isNotEqualTo(before);
        assertThat(store.byId(after)).map(MailMessage::subject).contains("second");
    }

    @Test
    void countsWhatItReceivedAcrossAClearAndEachMessageOnce() throws Exception {
        MovingMessage twoRecipients = delivery("first", "a@example.com", "b@example.com");
        store.record(twoRecipients);
        store.record(twoRecipients); // GreenMail's call for the second recipient
        store.clear();
        store.record(delivery("second", "a@example.com"));

        assertThat(store.all()).hasSize(1);
        assertThat(store.received()).isEqualTo(2);
    }

    private static MovingMessage delivery(String subject, String... recipients) throws Exception {
        MimeMessage mime = new MimeMessage(Session.getInstance(new Properties()));
        mime.setFrom("shop@example.com");
        for (String recipient : recipients) {
            mime.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
        }
        mime.setSubject(subject, "UTF-8");
        mime.setText("body", "UTF-8");
        mime.saveChanges();
        MovingMessage delivery = new MovingMessage();
        delivery.setReturnPath(new MailAddress("bounce@example.com"));
        for (String recipient : recipients) {
            delivery.addRecipient(new MailAddress(recipient));
        }
        delivery.setMimeMessage(mime);
        return delivery;
    }
}
