/**
 * The JSON API channel: survey definitions for any client, response submission, and the staff
 * endpoints for reading and exporting responses. Errors always use {@link org.heard.platform.ApiError}.
 */
package org.heard.api;
