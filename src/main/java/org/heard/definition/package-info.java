/**
 * Shared kernel for the definitions kept as files under {@code surveys/} (surveys, frameworks,
 * codebooks, indicators): reading YAML with line numbers so every problem can name its file and
 * line, and the problem record itself.
 */
package org.heard.definition;
