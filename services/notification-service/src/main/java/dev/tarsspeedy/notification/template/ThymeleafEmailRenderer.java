package dev.tarsspeedy.notification.template;

import dev.tarsspeedy.contracts.notification.EmailRequested;
import dev.tarsspeedy.notification.delivery.EmailRenderer;
import dev.tarsspeedy.notification.delivery.RejectedRequestException;
import dev.tarsspeedy.notification.delivery.RenderedEmail;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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

        Context context = new Context(locale);
        context.setVariables(model);
        context.setVariable("lang", locale.getLanguage());
        context.setVariable("unsubscribeUrl", bulk ? request.unsubscribeUrl() : null);
        try {
            String subject = oneLine(engine.process(id + "/subject.txt", context));
            String text = engine.process(id + "/body.txt", context).stripTrailing() + "\n";
            String html = engine.process(id + "/body.html", context);
            return new RenderedEmail(subject, text, html);
        } catch (TemplateEngineException e) {
            // The model fitted the template's declaration, yet it does not render: a template bug. Parked on the
            // dead-letter topic, the request can be replayed once the template is fixed.
            throw new RejectedRequestException("template '" + id + "' failed to render: " + e.getMessage(), e);
        }
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
