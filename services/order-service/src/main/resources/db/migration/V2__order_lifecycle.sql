-- Payment, delivery and returns (docs/order-lifecycle.md).

-- Where the order's emails go: from the buyer's access token and Accept-Language, carried by the reservation.
alter table customer_order add column buyer_email text;
alter table customer_order add column locale text not null default 'en';
-- The payment that paid the order (PaymentApproved), and when.
alter table customer_order add column payment_id uuid;
alter table customer_order add column paid_at timestamptz;
alter table customer_order add column delivered_at timestamptz;
-- When the payment was given back (PaymentRefunded); the status stays CANCELLED, RETURNED or EXPIRED.
alter table customer_order add column refunded_at timestamptz;
-- When the order reached its status: the delivery and return jobs step orders that were in theirs long enough.
alter table customer_order add column status_changed_at timestamptz;
update customer_order set status_changed_at = updated_at;
alter table customer_order alter column status_changed_at set not null;

create index customer_order_step on customer_order (status, status_changed_at)
    where status in ('PAID', 'PREPARING', 'SHIPPING', 'RETURN_REQUESTED');

-- One refund request per payment, whatever asks for it (late payment, cancel, return) and however often: the
-- primary key decides, in the transaction that writes the RefundRequested event.
create table refund_request (
    payment_id   uuid primary key,
    order_id     uuid        not null references customer_order (id),
    reason       text        not null,
    requested_at timestamptz not null
);
