/**
 * The durable response store. A response is acknowledged only after its transaction commits; then a
 * {@link org.heard.response.ResponseSubmitted} event tells search, themes and safeguarding. Channels
 * (web forms, the JSON API, the Telegram bot, imports) depend on this package, never the reverse.
 */
package org.heard.response;
