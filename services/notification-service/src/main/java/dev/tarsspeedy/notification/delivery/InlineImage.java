package dev.tarsspeedy.notification.delivery;

import java.util.Arrays;
import java.util.Objects;

/**
 * An image the HTML part shows inline ({@code <img src="cid:...">}), sent beside it in {@code multipart/related}: mail
 * clients block remote images by default and do not render SVG, so a chart travels in the message as a PNG.
 *
 * @param contentId the part's {@code Content-ID} without angle brackets, as the HTML names it after {@code cid:}
 * @param contentType e.g. {@code image/png}
 * @param content the image's bytes
 */
public record InlineImage(String contentId, String contentType, byte[] content) {

    public InlineImage {
        Objects.requireNonNull(contentId, "contentId");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
        if (!contentId.chars().allMatch(c -> c > ' ' && c < 127 && c != '<' && c != '>')) {
            throw new IllegalArgumentException(
                    "a Content-ID is printable ASCII without spaces or brackets: " + contentId);
        }
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InlineImage image
                && contentId.equals(image.contentId)
                && contentType.equals(image.contentType)
                && Arrays.equals(content, image.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(contentId, contentType, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "InlineImage[" + contentId + ", " + contentType + ", " + content.length + " bytes]";
    }
}
