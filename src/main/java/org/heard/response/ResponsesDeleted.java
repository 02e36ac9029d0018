package org.heard.response;

import java.util.List;

/** Published when responses have been erased (retention, a respondent's request), after commit. */
public record ResponsesDeleted(List<Long> responseIds) {
}
