/**
 * The consultation log and "You said, we did": every engagement activity with children, families,
 * communities and practitioners (surveys are only part of it), the actions that came from what
 * people said, a public page that tells children what changed, and reports on the number and
 * range of activities.
 */
package org.heard.consultation;
