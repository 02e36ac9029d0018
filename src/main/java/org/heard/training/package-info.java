/**
 * Multi-agency training and whether it changed practice: courses, sessions and attendance by agency;
 * an on-the-day evaluation tied to its session through the session's own link and QR code; a
 * three-month follow-up emailed once to those who ask for it, joined to their on-the-day answers by a
 * pseudonymous token; and the impact report, which also counts as evidence for the course's
 * framework measures.
 */
package org.heard.training;
