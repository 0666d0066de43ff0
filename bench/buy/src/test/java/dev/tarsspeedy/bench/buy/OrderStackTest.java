package dev.tarsspeedy.bench.buy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrderStackTest {

    @Test
    void soldIsWhatLeftTheStockAndOrdersAreTheLiveOnesInTheDatabase() {
        OrderStack.Sales sales = OrderStack.sales("""
                {"dropId":"3477b553-c06f-429d-9b40-7cb055426780","quantity":2000,"sold":1500,"remaining":0,
                 "liveOrders":1500,"reconciliation":null}
                """);

        assertThat(sales.quantity()).isEqualTo(2000);
        assertThat(sales.sold()).isEqualTo(2000);
        assertThat(sales.remaining()).isZero();
        assertThat(sales.orders()).isEqualTo(1500);
        assertThat(sales.soldInDatabase()).isEqualTo(1500);
    }
}
