/**
 * Safeguarding: every free-text answer is screened for a possible disclosure as it is submitted.
 * A flag signposts the young person at once (Childline, 999, the partnership's front door) and
 * raises an alert for the designated safeguarding leads, who acknowledge, act and close it. The
 * answer itself is never blocked, delayed or lost because of screening.
 */
package org.heard.safeguarding;
