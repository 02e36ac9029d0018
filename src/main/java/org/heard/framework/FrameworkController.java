package org.heard.framework;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import org.heard.platform.ApiError;

import java.util.List;

/** The frameworks with their sections, areas and measures, for staff. */
@Controller("/api/v1/frameworks")
@Produces(MediaType.APPLICATION_JSON)
@Secured({"ADMIN", "ANALYST", "SAFEGUARDING_LEAD", "AGENCY_LEAD", "VIEWER"})
class FrameworkController {
    private final FrameworkCatalog catalog;

    FrameworkController(FrameworkCatalog catalog) {
        this.catalog = catalog;
    }

    @Serdeable
    record Summary(String id, String title, String source, int measures) {
    }

    @Get
    List<Summary> list() {
        return catalog.all().stream().map(f -> new Summary(f.id(), f.title(), f.source(), f.measures().size())).toList();
    }

    @Get("/{id}")
    MutableHttpResponse<?> one(@PathVariable String id) {
        return catalog.find(id).<MutableHttpResponse<?>>map(HttpResponse::ok)
                .orElseGet(() -> HttpResponse.notFound(ApiError.of(404, "not_found", "There is no framework '" + id + "'.")));
    }
}
