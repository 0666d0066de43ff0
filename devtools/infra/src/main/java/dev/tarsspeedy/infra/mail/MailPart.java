package dev.tarsspeedy.infra.mail;

/**
 * A part of a received message that is neither its text nor its HTML body: an inline image ({@code cid:}) or an
 * attachment.
 *
 * @param contentType the part's media type without parameters, lower case ({@code image/png})
 * @param contentId the {@code Content-ID} without angle brackets, {@code null} without one
 * @param disposition {@code inline}, {@code attachment}, or {@code null} when the part does not say
 * @param fileName {@code null} without one
 * @param content the decoded bytes (base64 in the mailbox's JSON)
 */
public record MailPart(String contentType, String contentId, String disposition, String fileName, byte[] content) {}
