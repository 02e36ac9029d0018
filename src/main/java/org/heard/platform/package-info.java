/**
 * What every feature shares and none owns: the clock, the service's secret key, HTTP security
 * headers, anti-forgery tokens and the shape of errors.
 */
package org.heard.platform;
