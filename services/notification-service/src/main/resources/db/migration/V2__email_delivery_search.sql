-- The operators' delivery log (GET /api/notifications/deliveries): newest first, optionally for one recipient.
create index email_delivery_received on email_delivery (received_at desc);
create index email_delivery_recipient_received on email_delivery (lower(recipient), received_at desc);
