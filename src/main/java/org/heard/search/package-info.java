/**
 * Free-text search on Apache Lucene. The database stays the source of truth: the index is derived
 * from it, kept up to date by response events, reconciled with the database at start-up (so nothing
 * missed in a crash stays missing), and can always be rebuilt. One {@link org.heard.search.SearchIndex}
 * owns the single IndexWriter.
 */
package org.heard.search;
