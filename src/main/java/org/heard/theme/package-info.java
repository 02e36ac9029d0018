/**
 * Themes: what people keep saying. Codebooks of themes (kept as files in {@code surveys/codebooks/}
 * and edited in the service), hand coding with suggestions from theme queries and from a classifier
 * trained on the hand codes, datasets of coded text brought in and out as CSV, discovery of
 * distinctive terms and clusters, and theme reports. It reads free text through the search index
 * and the response store, and refers to answers by response and question id.
 */
package org.heard.theme;
