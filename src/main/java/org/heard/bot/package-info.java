/**
 * The Telegram channel: young people answer the same surveys as the web in a chat, one question per
 * message. Conversation state lives in the database under a keyed hash of the chat id, answers are
 * stored through the response store, and every user-facing word comes from {@code bots/telegram.yaml}.
 */
package org.heard.bot;
