package dev.tarsspeedy.notification.template;

import static dev.tarsspeedy.notification.template.ModelField.nullableNumber;
import static dev.tarsspeedy.notification.template.ModelField.numbers;
import static dev.tarsspeedy.notification.template.ModelField.oneOf;
import static dev.tarsspeedy.notification.template.ModelField.optionalText;
import static dev.tarsspeedy.notification.template.ModelField.rows;
import static dev.tarsspeedy.notification.template.ModelField.text;
import static dev.tarsspeedy.notification.template.ModelField.timestamp;
import static dev.tarsspeedy.notification.template.ModelField.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarsspeedy.notification.support.Models;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The model checker: what each kind of field accepts, what a template then sees, and what is refused. */
class TemplateSpecTest {

    private static final TemplateSpec SPEC = new TemplateSpec(
            "t",
            optionalText("note"),
            oneOf("state", "LIVE", "STALE"),
            nullableNumber("change"),
            numbers("chart", 3),
            timestamp("at"),
            url("link"),
            rows("rows", text("symbol"), nullableNumber("price")));

    private static Map<String, Object> model() {
        Map<String, Object> model = new HashMap<>();
        model.put("note", "");
        model.put("state", "LIVE");
        model.put("change", null);
        model.put("chart", List.of(1, 2L, new BigDecimal("3.5")));
        model.put("at", "2026-12-07T08:30:00+09:00");
        model.put("link", "https://tars.example/x");
        model.put("rows", List.of(Map.of("symbol", "AAPL")));
        return model;
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> model = model();
        model.put(field, value);
        return model;
    }

    @Test
    void aWellFormedModelIsWhatTheTemplateSees() {
        Map<String, Object> valid = SPEC.validate(model());

        assertThat(valid)
                .containsEntry("note", "")
                .containsEntry("state", "LIVE")
                .containsEntry("change", null)
                .containsEntry("chart", List.of(new BigDecimal("1"), new BigDecimal("2"), new BigDecimal("3.5")))
                .containsEntry("at", OffsetDateTime.parse("2026-12-07T08:30:00+09:00"))
                .containsEntry("link", "https://tars.example/x");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) valid.get("rows");
        assertThat(rows.getFirst()).containsEntry("symbol", "AAPL").containsEntry("price", null);
    }

    @Test
    void optionalValuesMayBeAbsent() {
        Map<String, Object> model = model();
        model.remove("note");
        model.remove("change");

        assertThat(SPEC.validate(model)).containsEntry("note", "").containsEntry("change", null);
        assertThat(SPEC.validate(with("change", -1.25))).containsEntry("change", new BigDecimal("-1.25"));
        assertThat(SPEC.validate(with("chart", List.of()))).containsEntry("chart", List.of());
    }

    @Test
    void malformedModelsAreRefusedNamingTheField() {
        assertRefused(null, "", "the model is missing");
        assertRefused(with("state", "FRESH"), "state", "field 'state' must be one of LIVE, STALE, not 'FRESH'");
        assertRefused(with("state", null), "state", "field 'state' is missing");
        assertRefused(with("change", "1.5"), "change", "field 'change' must be a number, not text");
        assertRefused(with("chart", null), "chart", "field 'chart' is missing");
        assertRefused(with("chart", "1,2,3"), "chart", "field 'chart' must be a list of numbers, not text");
        assertRefused(with("chart", List.of(1, 2, 3, 4)), "chart", "field 'chart' has more than 3 numbers");
        assertRefused(
                with("chart", Collections.unmodifiableList(new ArrayList<>(java.util.Arrays.asList(1, null)))),
                "chart[1]",
                "'chart[1]' must be a number, not null");
        assertRefused(with("chart", List.of(1, "2")), "chart[1]", "'chart[1]' must be a number, not text");
        assertRefused(with("chart", List.of(1, Double.NaN)), "chart[1]", "field 'chart[1]' is not a finite number");
        assertRefused(
                with("at", "2026-12-07T08:30:00"),
                "at",
                "field 'at' must be an ISO-8601 time with offset (2026-12-07T08:30:00+09:00), not"
                        + " '2026-12-07T08:30:00'");
        assertRefused(with("at", 1733527800), "at", "field 'at' must be an ISO-8601 time with offset, not a number");
        assertRefused(with("link", "/reports"), "link", "field 'link' must be an absolute http(s) URL, not '/reports'");
        assertRefused(
                with("link", "javascript:alert(1)"),
                "link",
                "field 'link' must be an absolute http(s) URL, not 'javascript:alert(1)'");
        assertRefused(with("note", List.of()), "note", "field 'note' must be text, not a list");
        assertRefused(
                with("rows", List.of(Map.of("symbol", "A", "price", "7"))),
                "rows[0].price",
                "field 'rows[0].price' must be a number, not text");
    }

    @Test
    void theStockReportsChartHoldsAtMost400Prices() {
        TemplateSpec report = TemplateCatalog.standard().find("stock-report").orElseThrow();
        List<Integer> day = Collections.nCopies(400, 71500);

        assertThat(report.validate(Models.withRowField(Models.stockReport(), 0, "chart", day)))
                .containsKey("rows");
        assertThatThrownBy(() -> report.validate(
                        Models.withRowField(Models.stockReport(), 0, "chart", Collections.nCopies(401, 71500))))
                .isInstanceOf(InvalidModelException.class)
                .hasMessage("invalid model for template 'stock-report': field 'rows[0].chart' has more than 400"
                        + " numbers");
        assertThatThrownBy(() -> report.validate(Models.withRowField(Models.stockReport(), 1, "freshness", "FRESH")))
                .hasMessage("invalid model for template 'stock-report': field 'rows[1].freshness' must be one of"
                        + " DELAYED, END_OF_DAY, LIVE, STALE, not 'FRESH'");
        assertThatThrownBy(() -> report.validate(Models.withRowField(Models.stockReport(), 1, "chartRange", "1y")))
                .hasMessage("invalid model for template 'stock-report': field 'rows[1].chartRange' must be one of 1d,"
                        + " 1m, not '1y'");
        assertThatThrownBy(() -> report.validate(Models.with(Models.stockReport(), "manageUrl", "reports")))
                .hasMessage("invalid model for template 'stock-report': field 'manageUrl' must be an absolute"
                        + " http(s) URL, not 'reports'");
    }

    private static void assertRefused(Map<String, Object> model, String field, String problem) {
        assertThatThrownBy(() -> SPEC.validate(model))
                .as(problem)
                .isInstanceOf(InvalidModelException.class)
                .hasMessage("invalid model for template 't': " + problem)
                .extracting(e -> ((InvalidModelException) e).field())
                .isEqualTo(field);
    }
}
