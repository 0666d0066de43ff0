package dev.tarsspeedy.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

class LuaScriptTest {

    @Test
    void aScriptFromTheClassPathHasTheSameTextAndShaAsSpringsResourceScript() {
        @SuppressWarnings("rawtypes")
        RedisScript<List> spring = RedisScript.of(new ClassPathResource("lua-script-test.lua"), List.class);

        @SuppressWarnings("rawtypes")
        LuaScript<List> script = LuaScript.fromClasspath("lua-script-test.lua", List.class);

        assertThat(script.getScriptAsString()).isEqualTo(spring.getScriptAsString());
        assertThat(script.getSha1()).isEqualTo(spring.getSha1()).hasSize(40);
        assertThat(script.getResultType()).isEqualTo(List.class);
        assertThat(script.returnsRawValue()).isFalse();
    }

    @Test
    void theShaIsRedisOwnSha1OfTheText() {
        // SHA-1 of "return 1", as SCRIPT LOAD answers it.
        assertThat(LuaScript.of("return 1", Long.class).getSha1())
                .isEqualTo("e0e1f9fabfc9d4800c877a703b823ac0578ff8db");
    }

    @Test
    void aMissingScriptFailsWhenLoadedNotWhenCalled() {
        assertThatThrownBy(() -> LuaScript.fromClasspath("no/such/script.lua", Long.class))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("no/such/script.lua");
    }
}
