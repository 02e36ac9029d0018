/**
 * The web form channel: accessible, mobile-first survey pages that follow the GOV.UK Design System
 * and need no JavaScript. "Show if" questions start a new page; answers from earlier pages travel in
 * hidden fields and are checked again on the last page, so nothing is stored until the end.
 */
package org.heard.form;
