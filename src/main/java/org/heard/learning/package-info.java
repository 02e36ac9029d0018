/**
 * Small text classifiers learned from labelled examples on a two-core machine, with nothing
 * downloaded: TF-IDF features (stemmed words, word pairs, character n-grams) and a linear model per
 * label. Themes use it to suggest codes; safeguarding uses it as a second opinion beside its rules.
 */
package org.heard.learning;
