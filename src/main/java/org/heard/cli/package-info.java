/**
 * Commands run from the jar instead of the service: {@code validate [DIR]} checks definitions
 * without starting anything, and maintenance commands that need the database.
 */
package org.heard.cli;
