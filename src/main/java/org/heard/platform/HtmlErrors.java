package org.heard.platform;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.HtmlErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * The page a browser sees when something fails outside a controller's own pages: plain words, a
 * reference for unexpected failures, never a stack trace or the request's content.
 */
@Singleton
@Replaces(HtmlErrorResponseBodyProvider.class)
class HtmlErrors implements HtmlErrorResponseBodyProvider {
    private static final Logger LOG = LoggerFactory.getLogger(HtmlErrors.class);

    @Override
    public String body(ErrorContext context, HttpResponse<?> response) {
        int status = response.code();
        String heading;
        String message;
        if (status == 404) {
            heading = "Page not found";
            message = "Check the address, or go back to the list of surveys.";
        } else if (status == 413) {
            heading = "That was too much to send";
            message = "Please make your answers shorter and try again.";
        } else if (status >= 500) {
            String ref = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("Unexpected error {} on {} {}", ref, context.getRequest().getMethod(), context.getRequest().getPath(),
                    context.getRootCause().orElse(null));
            heading = "Sorry, something went wrong";
            message = "Please try again. If it keeps happening, tell us this reference: " + ref + ".";
        } else {
            heading = "Sorry, we could not do that";
            message = "Please go back and try again.";
        }
        return """
                <!DOCTYPE html><html lang="en" class="govuk-template"><head><meta charset="utf-8">
                <title>%s – Heard</title><meta name="viewport" content="width=device-width, initial-scale=1">
                <link rel="stylesheet" href="/govuk/govuk-frontend.min.css"><link rel="stylesheet" href="/static/heard.css"></head>
                <body class="govuk-template__body"><div class="govuk-width-container"><main class="govuk-main-wrapper">
                <h1 class="govuk-heading-l">%s</h1><p class="govuk-body">%s</p>
                <p class="govuk-body"><a class="govuk-link" href="/">Go to the list of surveys</a></p>
                <p class="govuk-body">If you need help now, call Childline free on 0800 1111. In an emergency, call 999.</p>
                </main></div></body></html>""".formatted(heading, heading, message);
    }
}
