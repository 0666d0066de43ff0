package dev.tarsspeedy.order.sale;

import dev.tarsspeedy.order.OrderId;
import dev.tarsspeedy.order.UserId;

/** Units one reservation holds in a drop (an entry of the drop's held hash). */
public record Hold(OrderId orderId, UserId userId, int quantity) {}
