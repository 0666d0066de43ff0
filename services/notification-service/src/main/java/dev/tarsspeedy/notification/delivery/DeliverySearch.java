package dev.tarsspeedy.notification.delivery;

import java.time.Instant;

/**
 * What an operator looks for in the delivery log: every filter is optional ({@code null}), the page counts from 0.
 *
 * @param recipient the address, compared without regard to case
 * @param from received at or after
 * @param to received before
 */
public record DeliverySearch(
        String recipient, String template, DeliveryState state, Instant from, Instant to, int page, int size) {

    public static final int MAX_PAGE_SIZE = 100;

    public DeliverySearch {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidSearchException.Page(MAX_PAGE_SIZE);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidSearchException.Range(from, to);
        }
        recipient = blankToNull(recipient);
        template = blankToNull(template);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
