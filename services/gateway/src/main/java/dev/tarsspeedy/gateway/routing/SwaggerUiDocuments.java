package dev.tarsspeedy.gateway.routing;

import java.util.LinkedHashSet;
import java.util.Set;
import org.springdoc.core.properties.AbstractSwaggerUiConfigProperties.SwaggerUrl;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Swagger UI lists each service's API document next to the gateway's own: the documents configured in
 * {@code springdoc.swagger-ui.urls} (the gateway's), then one per docs route, so a service declared in
 * {@code gateway.services} is listed without a second entry. Springdoc reads these settings on every request for the
 * UI's configuration, after startup.
 */
@Component
class SwaggerUiDocuments implements SmartInitializingSingleton {

    private final ObjectProvider<SwaggerUiConfigProperties> swaggerUi;
    private final ServiceRouteDefinitions routes;

    SwaggerUiDocuments(ObjectProvider<SwaggerUiConfigProperties> swaggerUi, ServiceRouteDefinitions routes) {
        this.swaggerUi = swaggerUi;
        this.routes = routes;
    }

    @Override
    public void afterSingletonsInstantiated() {
        // Absent when Swagger UI is switched off (OPENAPI_ENABLED=false).
        swaggerUi.ifAvailable(this::listServiceDocuments);
    }

    void listServiceDocuments(SwaggerUiConfigProperties properties) {
        Set<SwaggerUrl> urls = new LinkedHashSet<>();
        if (properties.getUrls() != null) {
            urls.addAll(properties.getUrls());
        }
        for (String path : routes.documentPaths()) {
            String name = path.substring(ServiceRouteDefinitions.DOCS_PATH.length());
            if (urls.stream().noneMatch(url -> path.equals(url.getUrl()))) {
                urls.add(new SwaggerUrl(name, path, name));
            }
        }
        properties.setUrls(urls);
    }
}
