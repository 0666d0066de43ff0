package dev.tarsspeedy.gateway.requestsize;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** @param maxBodySize the largest request body any route accepts ({@code 1MB}, {@code 512KB}) */
@ConfigurationProperties("gateway.request-size")
public record RequestSizeSettings(@DefaultValue("1MB") DataSize maxBodySize) {}
