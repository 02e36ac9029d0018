/**
 * Reports for the board: evidence against the framework's measures, the voice of the child and
 * staff experience. Every count passes through {@link org.heard.report.Suppression} so that no small
 * number can identify a child, in any format.
 */
package org.heard.report;
