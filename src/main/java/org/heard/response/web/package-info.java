/** Staff pages for surveys and single responses. */
package org.heard.response.web;
