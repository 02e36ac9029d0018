/**
 * Staff accounts, sign-in and roles. Staff sign in with a form (a JWT in an HttpOnly, SameSite
 * cookie) or HTTP Basic for the API; passwords are kept as slow salted hashes. Every staff endpoint
 * names the roles it admits; an agency lead is scoped to one agency.
 */
package org.heard.staff;
