package dev.tarsspeedy.notification.template;

import dev.tarsspeedy.contracts.notification.EmailRequested;
import dev.tarsspeedy.notification.delivery.EmailRenderer;
import dev.tarsspeedy.notification.delivery.InlineImage;
import dev.tarsspeedy.notification.delivery.RejectedRequestException;
import dev.tarsspeedy.notification.delivery.RenderedEmail;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateEngineException;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders requests with Thymeleaf: {@code templates/email/<id>/subject.txt}, {@code body.txt} (TEXT mode: values as
 * they are) and {@code body.html} (HTML mode: every value escaped), in the frame of {@code layout.html} and
 * {@code footer.txt}. Words come from the message bundles ({@code messages.properties} in English,
 * {@code messages_ko.properties} in Korean), shared ones in {@code templates/email/}, each template's in its folder.
 *
 * <p>The engine is the renderer's own, not Boot's web view engine: mail rendering is configured here and nowhere else.
 */
@Component
public class ThymeleafEmailRenderer implements EmailRenderer {

    static final String ROOT = "templates/email/";
    static final List<String> FILES = List.of("subject.txt", "body.txt", "body.html");

    private final TemplateCatalog catalog;
    private final SpringTemplateEngine engine;
    /** The message bundles, for the words in chart images. */
    private final MessageSource words;

    public ThymeleafEmailRenderer() {
        this(TemplateCatalog.standard());
    }

    ThymeleafEmailRenderer(TemplateCatalog catalog) {
        this.catalog = catalog;
        ClassLoader classLoader = ThymeleafEmailRenderer.class.getClassLoader();
        requireFiles(catalog, classLoader);

        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(classLoader);
        resolver.setPrefix(ROOT);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setHtmlTemplateModePatterns(Set.of("*.html"));
        resolver.setTextTemplateModePatterns(Set.of("*.txt"));
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);

        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        List<String> basenames = new ArrayList<>();
        basenames.add(ROOT + "messages");
        catalog.ids().stream().sorted().forEach(id -> basenames.add(ROOT + id + "/messages"));
        messages.setBasenames(basenames.toArray(String[]::new));
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        // messages.properties is English; a server whose default locale is Korean must not change that.
        messages.setFallbackToSystemLocale(false);
        messages.setBundleClassLoader(classLoader);

        words = messages;
        engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        engine.setEnableSpringELCompiler(true);
    }

    @Override
    public Set<String> templates() {
        return catalog.ids();
    }

    @Override
    public boolean isBulk(String template) {
        return catalog.isBulk(template);
    }

    @Override
    public RenderedEmail render(EmailRequested request) {
        String id = request.template();
        TemplateSpec spec = catalog.find(id).orElseThrow(() -> new UnknownTemplateException(id, catalog.ids()));
        Map<String, Object> model = spec.validate(request.model());
        Locale locale = language(request.locale());
        boolean bulk = spec.bulk() || request.category() == EmailRequested.Category.BULK;
        if (bulk
                && (request.unsubscribeUrl() == null || request.unsubscribeUrl().isBlank())) {
            throw new RejectedRequestException("template '" + id
                    + "' is bulk mail and needs an unsubscribeUrl (RFC 8058" + " one-click unsubscribe)");
        }
        return render(spec, model, locale, bulk ? request.unsubscribeUrl() : null, Images.ATTACHED);
    }

    /**
     * The HTML a request with this template, language and model would have, for a browser: images inline as
     * {@code data:} URIs instead of attached parts. Bulk mail shows its unsubscribe link with the given URL, or
     * {@code #} without one (or with one that is not an {@code http(s)} URL: the page goes to a browser).
     *
     * @throws UnknownTemplateException for a template this service does not have
     * @throws InvalidModelException for a model that does not fit it
     */
    public String preview(String template, String locale, Map<String, Object> model, String unsubscribeUrl) {
        TemplateSpec spec =
                catalog.find(template).orElseThrow(() -> new UnknownTemplateException(template, catalog.ids()));
        Map<String, Object> valid = spec.validate(model);
        boolean usable = unsubscribeUrl != null && unsubscribeUrl.strip().matches("(?i)https?://\\S+");
        // A link where the mail will have one: a bulk template always, a report of a schedule when its URL is given
        // (an unusable URL shows as "#"); none for a mail without one (a report asked for now).
        String unsubscribe = usable ? unsubscribeUrl.strip() : (spec.bulk() || unsubscribeUrl != null ? "#" : null);
        return render(spec, valid, language(locale), unsubscribe, Images.DATA_URIS)
                .html();
    }

    /** How the HTML refers to its images: attached parts ({@code cid:}) in mail, {@code data:} URIs in a preview. */
    private enum Images {
        ATTACHED,
        DATA_URIS
    }

    private RenderedEmail render(
            TemplateSpec spec, Map<String, Object> model, Locale locale, String unsubscribeUrl, Images mode) {
        String id = spec.id();
        MailFormat format = new MailFormat(locale);
        List<InlineImage> images = new ArrayList<>();
        Map<String, Object> variables = withCharts(spec, model, locale, format, mode, images);

        Context context = new Context(locale);
        context.setVariables(variables);
        context.setVariable("lang", locale.getLanguage());
        context.setVariable("unsubscribeUrl", unsubscribeUrl);
        context.setVariable("fmt", format);
        try {
            String subject = oneLine(engine.process(id + "/subject.txt", context));
            String text = engine.process(id + "/body.txt", context).stripTrailing() + "\n";
            String html = engine.process(id + "/body.html", context);
            return new RenderedEmail(subject, text, html, images);
        } catch (TemplateEngineException e) {
            // The model fitted the template's declaration, yet it does not render: a template bug. Parked on the
            // dead-letter topic, the request can be replayed once the template is fixed.
            throw new RejectedRequestException("template '" + id + "' failed to render: " + e.getMessage(), e);
        }
    }

    /**
     * The model with a chart image for every row that has a list of numbers ({@link FieldType#NUMBERS}): the row
     * gets {@code <field>Src}, the image's {@code cid:} reference (the image is added to {@code images}) or its
     * {@code data:} URI. What the chart shows comes from the row's other fields when it has them: {@code chartRange}
     * (1d or 1m) labels it, {@code price} minus {@code change} is the previous close of a day's chart, the change's
     * sign colours it, and {@code freshness} {@code STALE} greys it.
     */
    private Map<String, Object> withCharts(
            TemplateSpec spec,
            Map<String, Object> model,
            Locale locale,
            MailFormat format,
            Images mode,
            List<InlineImage> images) {
        Map<String, Object> variables = new LinkedHashMap<>(model);
        for (ModelField field : spec.fields()) {
            List<String> charts = field.rowFields().stream()
                    .filter(rowField -> rowField.type() == FieldType.NUMBERS)
                    .map(ModelField::name)
                    .toList();
            if (field.type() != FieldType.ROWS || charts.isEmpty()) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rows = (List<Map<String, Object>>) model.get(field.name());
            List<Map<String, Object>> drawn = new ArrayList<>(rows.size());
            for (Map<String, Object> row : rows) {
                Map<String, Object> withChart = new LinkedHashMap<>(row);
                for (String chart : charts) {
                    @SuppressWarnings("unchecked")
                    List<BigDecimal> prices = (List<BigDecimal>) row.get(chart);
                    byte[] png = chart(prices, row, locale, format);
                    String src;
                    if (mode == Images.ATTACHED) {
                        String contentId = chart + "-" + (images.size() + 1) + "@tars-speedy.dev";
                        images.add(new InlineImage(contentId, PriceChart.CONTENT_TYPE, png));
                        src = "cid:" + contentId;
                    } else {
                        src = "data:" + PriceChart.CONTENT_TYPE + ";base64,"
                                + Base64.getEncoder().encodeToString(png);
                    }
                    withChart.put(chart + "Src", src);
                }
                drawn.add(Collections.unmodifiableMap(withChart));
            }
            variables.put(field.name(), Collections.unmodifiableList(drawn));
        }
        return variables;
    }

    private byte[] chart(List<BigDecimal> prices, Map<String, Object> row, Locale locale, MailFormat format) {
        BigDecimal price = decimalOrNull(row.get("price"));
        BigDecimal change = decimalOrNull(row.get("change"));
        String range = row.get("chartRange") instanceof String r && !r.isBlank() ? r : "1d";
        boolean stale = "STALE".equals(row.get("freshness"));
        BigDecimal trend = change;
        if (trend == null && prices.size() >= 2) {
            trend = prices.getLast().subtract(prices.getFirst());
        }
        // The previous close is the reference of a day's chart; a month's has none.
        BigDecimal previousClose =
                range.equals("1d") && price != null && change != null ? price.subtract(change) : null;
        return PriceChart.png(
                prices,
                previousClose,
                format.awtColour(trend, stale),
                words.getMessage("chart.range." + range, null, range, locale),
                words.getMessage("chart.no-data", null, "-", locale));
    }

    private static BigDecimal decimalOrNull(Object value) {
        return value instanceof BigDecimal decimal ? decimal : null;
    }

    /** {@code ko}, {@code ko-KR}, {@code ko_KR}: Korean; anything else: English (the contract's fallback). */
    static Locale language(String locale) {
        String tag = locale == null ? "" : locale.strip().replace('_', '-');
        return Locale.forLanguageTag(tag).getLanguage().equals("ko") ? Locale.KOREAN : Locale.ENGLISH;
    }

    /** A subject is one header line: whitespace (line breaks included) collapsed, so no value can add a header. */
    static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static void requireFiles(TemplateCatalog catalog, ClassLoader classLoader) {
        List<String> missing = new ArrayList<>();
        for (String id : catalog.ids()) {
            for (String file : FILES) {
                if (classLoader.getResource(ROOT + id + "/" + file) == null) {
                    missing.add(ROOT + id + "/" + file);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("email templates missing from the class path: " + missing);
        }
    }
}
