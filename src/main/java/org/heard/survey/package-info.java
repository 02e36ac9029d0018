/**
 * Surveys as code: the YAML definitions in {@code surveys/}, their validation, their versions and
 * the rules an answer to each question must follow. Every channel (web, API, Telegram, import) asks
 * from the same definition.
 */
package org.heard.survey;
