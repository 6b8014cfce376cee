package dev.cutover.migrations.ratelimits.behavior;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A request class's equality is its four components', as a record's is, and equal classes hash alike. */
class RequestClassTest {

    private static final RequestClass REQUEST = new RequestClass("eu", "orders", "/checkout", "gold");

    @Test
    void classesOfEqualComponentsAreEqualAndHashAlike() {
        RequestClass same = new RequestClass(new String("eu"), new String("orders"), new String("/checkout"), new String("gold"));
        assertThat(same).isEqualTo(REQUEST).hasSameHashCodeAs(REQUEST);
        assertThat(new RequestClass(null, null, null, null)).isEqualTo(new RequestClass(null, null, null, null))
                .hasSameHashCodeAs(new RequestClass(null, null, null, null)).isNotEqualTo(REQUEST);
    }

    @Test
    void classesThatDifferInAnyOneComponentAreNotEqual() {
        for (RequestClass other : List.of(new RequestClass("us", "orders", "/checkout", "gold"),
                new RequestClass("eu", "billing", "/checkout", "gold"), new RequestClass("eu", "orders", "*", "gold"),
                new RequestClass("eu", "orders", "/checkout", "*"), new RequestClass("eu", "orders", "/checkout", null))) {
            assertThat(other).isNotEqualTo(REQUEST);
            assertThat(REQUEST).isNotEqualTo(other);
        }
        assertThat(REQUEST).isNotEqualTo("eu orders /checkout gold").isNotEqualTo(null);
    }
}
