/**
 * Quality assurance frameworks as data: each partnership framework (sections, areas, and the
 * quantitative, qualitative and outcome measures for each) is a YAML file in
 * {@code surveys/frameworks/}. Survey questions name the measures they give evidence for.
 */
package org.heard.framework;
