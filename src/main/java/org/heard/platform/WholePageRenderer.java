package org.heard.platform;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.io.Writable;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.views.exceptions.ViewRenderingException;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Singleton;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;

import java.io.IOException;
import java.io.StringWriter;

/**
 * Renders each page whole before any of it is sent. Rendered as it is written, a template that
 * fails halfway has already sent its status and first bytes: the browser waits for the rest until
 * it gives up. Rendered first, a failure is an ordinary server error with a page of its own.
 * Our pages are small, so holding one in memory costs nothing worth saving.
 */
@Singleton
@Replaces(ThymeleafViewsRenderer.class)
class WholePageRenderer<T> extends ThymeleafViewsRenderer<T> {
    WholePageRenderer(AbstractConfigurableTemplateResolver templateResolver, TemplateEngine engine,
                      ClassPathResourceLoader resourceLoader, HttpLocaleResolver localeResolver) {
        super(templateResolver, engine, resourceLoader, localeResolver);
    }

    @Override
    public Writable render(String viewName, T data, HttpRequest<?> request) {
        Writable streamed = super.render(viewName, data, request);
        var page = new StringWriter();
        try {
            streamed.writeTo(page);
        } catch (IOException e) {
            throw new ViewRenderingException("Error rendering the page " + viewName + ": " + e.getMessage(), e);
        }
        String html = page.toString();
        return out -> out.write(html);
    }
}
