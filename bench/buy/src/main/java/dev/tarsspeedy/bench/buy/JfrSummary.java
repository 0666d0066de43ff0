package dev.tarsspeedy.bench.buy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a service's CPU time goes, from a JFR recording ({@code -XX:StartFlightRecording}, settings=profile): the
 * methods most often on top of the stack in {@code jdk.ExecutionSample} events, and the same samples grouped by the
 * first frame in a package of interest, so "Netty", "Lettuce", "Jackson", "Spring Security" and "our code" show up
 * as shares. The raw file stays for {@code jfr print --events jdk.ExecutionSample} or JDK Mission Control.
 */
final class JfrSummary {

    /** Package prefixes and the name their share is reported under, most specific first. */
    static final List<Map.Entry<String, String>> AREAS = List.of(
            Map.entry("dev.tarsspeedy.", "our code"),
            Map.entry("io.lettuce.", "Lettuce (Redis client)"),
            Map.entry("io.r2dbc.", "R2DBC"),
            Map.entry("org.postgresql.", "PostgreSQL driver"),
            Map.entry("org.apache.kafka.", "Kafka client"),
            Map.entry("com.nimbusds.", "JWT (Nimbus)"),
            Map.entry("org.springframework.security.", "Spring Security"),
            Map.entry("org.springframework.cloud.gateway.", "Spring Cloud Gateway"),
            Map.entry("org.springframework.web.", "Spring Web(Flux)"),
            Map.entry("org.springframework.http.", "Spring Web(Flux)"),
            Map.entry("org.springframework.", "Spring (other)"),
            Map.entry("io.gatling.", "Gatling"),
            Map.entry("scala.", "Scala library"),
            Map.entry("org.apache.pekko.", "Pekko (Gatling's actors)"),
            Map.entry("akka.", "Akka (Gatling's actors)"),
            Map.entry("org.HdrHistogram.", "HdrHistogram"),
            Map.entry("reactor.netty.", "Reactor Netty"),
            Map.entry("reactor.", "Reactor"),
            Map.entry("io.netty.", "Netty"),
            Map.entry("tools.jackson.", "Jackson"),
            Map.entry("com.fasterxml.jackson.", "Jackson"),
            Map.entry("io.micrometer.", "Micrometer"),
            Map.entry("sun.security.", "JDK security (RSA)"),
            Map.entry("java.math.", "JDK BigInteger (RSA)"),
            Map.entry("sun.nio.", "JDK NIO"),
            Map.entry("java.", "JDK (other)"),
            Map.entry("jdk.", "JDK (other)"),
            Map.entry("sun.", "JDK (other)"));

    private JfrSummary() {}

    static String summarise(String name, Path recording, int top) throws IOException {
        Map<String, Integer> topFrames = new HashMap<>();
        Map<String, Integer> areas = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            topFrames.merge(method(frames.getFirst()), 1, Integer::sum);
            areas.merge(area(frames), 1, Integer::sum);
        }
        StringBuilder text = new StringBuilder(String.format("%s: %,d CPU samples (%s)%n", name, samples, recording));
        text.append("  by area (first frame outside the JDK, or the JDK when none):\n");
        append(text, areas, samples, 12);
        text.append("  top methods on CPU:\n");
        append(text, topFrames, samples, top);
        return text.toString();
    }

    private static void append(StringBuilder text, Map<String, Integer> counts, int samples, int limit) {
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(limit)
                .forEach(e -> text.append(
                        String.format("    %5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, samples), e.getKey())));
    }

    /** The area of the first frame that is not plain JDK code; the JDK area when the whole stack is JDK. */
    static String area(List<RecordedFrame> frames) {
        String jdk = null;
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            String area = areaOf(type);
            if (!area.startsWith("JDK")) {
                return area;
            }
            if (jdk == null) {
                jdk = area;
            }
        }
        return jdk == null ? "other" : jdk;
    }

    static String areaOf(String className) {
        return AREAS.stream()
                .filter(e -> className.startsWith(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("other: " + className.substring(0, Math.max(0, className.lastIndexOf('.'))));
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
