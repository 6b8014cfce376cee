/**
 * The embedded PostgreSQL that {@code cutover} runs on when no database is configured, so that the demo
 * needs Java alone. {@link dev.cutover.ops.embedded.EmbeddedDatabase#useUnlessConfigured()} decides
 * before Quarkus starts: a datasource configured in any way Quarkus reads its configuration always
 * wins; otherwise the server of the data folder ({@code $CUTOVER_HOME/postgres}) is started, or reused
 * when a previous command left it running, and the runtime datasource points at it.
 */
package dev.cutover.ops.embedded;
