/**
 * The source protocol of {@code rate-limits-v2}: the regional config stores' offset-paged key/value
 * listing, {@link dev.cutover.migrations.ratelimits.source.KvProtocol}. The protocol is specified in
 * {@code PROTOCOL.md} beside this file; the framework does the transport (retries, deadlines,
 * concurrency, checkpoints), this package only builds requests and reads answers.
 */
package dev.cutover.migrations.ratelimits.source;
