package org.heard.search;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import org.heard.staff.AccessLog;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The staff search page: the same search and filters as the API, facet counts that narrow, paging. */
@Controller("/staff/search")
@Produces(MediaType.TEXT_HTML)
// Platform threads, not virtual ones: Lucene's analyzers keep their token streams per thread, and a
// fresh virtual thread for every request would build them again for every search.
@ExecuteOn(TaskExecutors.IO)
@Secured({"ADMIN", "ANALYST", "SAFEGUARDING_LEAD", "AGENCY_LEAD"})
class SearchPage {
    private final SearchService search;
    private final SearchConfiguration config;
    private final AccessLog accessLog;
    private final SearchLabels labels;

    SearchPage(SearchService search, SearchConfiguration config, AccessLog accessLog, SearchLabels labels) {
        this.search = search;
        this.config = config;
        this.accessLog = accessLog;
        this.labels = labels;
    }

    @Get
    ModelAndView<Map<String, Object>> page(HttpRequest<?> request, @Nullable @QueryValue String q, @Nullable @QueryValue String audience,
                                           @Nullable @QueryValue String survey, @Nullable @QueryValue String agency,
                                           @Nullable @QueryValue String channel, @Nullable @QueryValue String measure,
                                           @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                           @Nullable @QueryValue Integer page, @Nullable @QueryValue String sort, Authentication auth) {
        var params = new LinkedHashMap<String, String>();
        put(params, "q", q);
        put(params, "audience", audience);
        put(params, "survey", survey);
        put(params, "agency", agency);
        put(params, "channel", channel);
        put(params, "measure", measure);
        put(params, "from", from);
        put(params, "to", to);
        put(params, "sort", sort);
        var model = new HashMap<String, Object>();
        model.put("params", params);
        // Apart from params: the template language reads 'q' as a character, which no key matches.
        model.put("words", params.getOrDefault("q", ""));
        model.put("queryString", query(params));
        try {
            SearchRequest r = SearchController.request(q, audience, survey, null, agency, channel, measure, from, to, page, 20, sort, auth, config.maxPageSize());
            SearchResult result = search.search(r);
            accessLog.record(auth.getName(), "search", "query of " + (q == null ? 0 : q.length()) + " characters");
            model.put("result", result);
            model.put("page", r.page());
            model.put("pages", Math.max(1, (int) Math.min(1000, (result.total() + 19) / 20)));
            model.put("links", links(params, result));
            model.put("labels", labels);
            model.put("chosen", chosen(params));
        } catch (IllegalArgumentException | SearchService.BadQuery e) {
            model.put("error", e.getMessage());
        }
        return new ModelAndView<>("search/search", model);
    }

    /** A filter the search is narrowed by, and the address of the same search without it. */
    record Chosen(String label, String remove) {
    }

    private List<Chosen> chosen(Map<String, String> params) {
        var out = new ArrayList<Chosen>();
        params.forEach((k, v) -> {
            String label = switch (k) {
                case "audience", "survey", "agency" -> labels.heading(k) + ": " + labels.label(k, v);
                case "channel" -> "Channel: " + v;
                case "measure" -> "Measure: " + v;
                case "from" -> "From " + v;
                case "to" -> "To " + v;
                default -> null;
            };
            if (label != null) {
                var without = new LinkedHashMap<>(params);
                without.remove(k);
                out.add(new Chosen(label, "/staff/search?" + query(without)));
            }
        });
        return out;
    }

    /** For each facet value, the address of this search narrowed to it. */
    private static Map<String, Map<String, String>> links(Map<String, String> params, SearchResult result) {
        var out = new LinkedHashMap<String, Map<String, String>>();
        result.facets().forEach((dim, values) -> {
            var byValue = new LinkedHashMap<String, String>();
            values.keySet().forEach(v -> {
                var p = new LinkedHashMap<>(params);
                if (dim.equals("month")) {
                    p.put("from", v + "-01");
                    p.put("to", java.time.YearMonth.parse(v).atEndOfMonth().toString());
                } else {
                    p.put(dim, v);
                }
                byValue.put(v, "/staff/search?" + query(p));
            });
            out.put(dim, byValue);
        });
        return out;
    }

    static String query(Map<String, String> params) {
        var sb = new StringBuilder();
        params.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return sb.toString();
    }

    private static void put(Map<String, String> m, String k, @Nullable String v) {
        if (v != null && !v.isBlank()) {
            m.put(k, v);
        }
    }
}
