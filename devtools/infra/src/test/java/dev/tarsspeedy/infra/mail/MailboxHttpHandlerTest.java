package dev.tarsspeedy.infra.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailboxHttpHandlerTest {

    @Test
    void decodesTheQueryButKeepsALiteralPlus() {
        assertThat(MailboxHttpHandler.queryParameter("to=buyer%40example.com", "to"))
                .contains("buyer@example.com");
        assertThat(MailboxHttpHandler.queryParameter("x=1&to=a+tag@example.com", "to"))
                .contains("a+tag@example.com");
        assertThat(MailboxHttpHandler.queryParameter("to=a%2Btag%40example.com", "to"))
                .contains("a+tag@example.com");
        assertThat(MailboxHttpHandler.queryParameter("to", "to")).contains("");
        assertThat(MailboxHttpHandler.queryParameter("from=a@example.com", "to"))
                .isEmpty();
        assertThat(MailboxHttpHandler.queryParameter(null, "to")).isEmpty();
    }
}
