package org.heard.theme;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import org.heard.platform.ApiError;
import org.heard.survey.Audience;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Datasets in and out as CSV. */
@Controller("/api/v1/datasets")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"ADMIN", "ANALYST"})
class DatasetApiController {
    private final Datasets datasets;
    private final DatasetExport export;

    DatasetApiController(Datasets datasets, DatasetExport export) {
        this.datasets = datasets;
        this.export = export;
    }

    @Post("/{name}/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    MutableHttpResponse<?> importCsv(@PathVariable String name, @Nullable @QueryValue String audience, @Nullable @Body String csv) {
        if (!CodebookFile.NAME.matcher(name).matches()) {
            return badName();
        }
        var whose = audience == null || audience.isBlank() ? Optional.of(Audience.COMMUNITY) : Audience.fromId(audience.strip());
        if (whose.isEmpty()) {
            return HttpResponse.badRequest(ApiError.of(400, "bad_audience", "audience must be one of "
                    + Arrays.stream(Audience.values()).map(Audience::id).collect(Collectors.joining(", "))
                    + ": whose words the rows are. Leave it out for community."));
        }
        try {
            return HttpResponse.ok(datasets.importCsv(name, whose.get(), csv));
        } catch (IllegalArgumentException e) {
            return HttpResponse.badRequest(ApiError.of(400, "bad_csv", e.getMessage()));
        } catch (Datasets.MissingImportSurvey e) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(ApiError.of(409, "no_import_survey", e.getMessage()));
        }
    }

    @Get("/{name}/export.csv")
    @Produces("text/csv; charset=utf-8")
    MutableHttpResponse<?> exportCsv(@PathVariable String name) {
        if (!CodebookFile.NAME.matcher(name).matches()) {
            return badName();
        }
        return export.csv(name).<MutableHttpResponse<?>>map(csv -> HttpResponse.ok(csv)
                        .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\""))
                .orElseGet(() -> HttpResponse.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON_TYPE)
                        .body(ApiError.of(404, "not_found", "There is no dataset called " + name + ". Import one first.")));
    }

    private static MutableHttpResponse<?> badName() {
        return HttpResponse.badRequest(ApiError.of(400, "bad_name",
                "A dataset name may use only lower-case letters, digits and hyphens, up to 100 characters.")).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
