package org.heard.consultation;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;

import java.util.Map;

/** The public page where children and young people see what changed because they spoke up. */
@Controller("/you-said-we-did")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class YouSaidWeDidPage {
    private final YouSaidWeDid actions;

    YouSaidWeDidPage(YouSaidWeDid actions) {
        this.actions = actions;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    @View("consultation/you-said-we-did")
    Map<String, Object> page() {
        return Map.of("actions", actions.published());
    }
}
