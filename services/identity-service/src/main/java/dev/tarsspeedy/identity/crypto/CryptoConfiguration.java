package dev.tarsspeedy.identity.crypto;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The data key from the environment, and what is built on it. A missing or malformed key stops the start. */
@Configuration(proxyBeanMethods = false)
public class CryptoConfiguration {

    @Bean
    DataKey dataKey(@Value("${identity.data-key:}") String base64) {
        return DataKey.fromBase64(base64);
    }

    @Bean
    FieldCipher fieldCipher(DataKey dataKey) {
        return new FieldCipher(dataKey);
    }

    @Bean
    SecretHasher secretHasher(DataKey dataKey) {
        return new SecretHasher(dataKey);
    }

    @Bean
    PasswordHasher passwordHasher(PasswordHashingSettings properties) {
        return new PasswordHasher(properties);
    }
}
