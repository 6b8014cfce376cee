/**
 * The HTTP API of {@code cutover serve} (DESIGN.md §9), JSON under {@code /api}, HTTP Basic.
 *
 * <table>
 * <caption>Endpoints</caption>
 * <tr><th>call</th><th>role</th><th>answers</th></tr>
 * <tr><td>{@code POST /api/migrations/{migration}/plan}</td><td>operator</td>
 * <td>202 {@code {"executionId", "migration", "mode", "status"}}; body
 * {@code {"sources": {"eu-1": "http://..."}, "concurrency": 4, "accept": ["CODE"], "demo": false}}, all optional</td></tr>
 * <tr><td>{@code POST /api/migrations/{migration}/apply}</td><td>operator</td><td>as plan, and {@code "planDigest"}</td></tr>
 * <tr><td>{@code POST /api/migrations/{migration}/rollback}</td><td>operator</td>
 * <td>200 {@code {"migration", "generation", "previous"}}; 409 when legacy executes</td></tr>
 * <tr><td>{@code GET /api/migrations/{migration}/export}</td><td>viewer</td><td>the executing model</td></tr>
 * <tr><td>{@code GET /api/executions}</td><td>viewer</td><td>{@code {"executions": [...]}}, newest first</td></tr>
 * <tr><td>{@code GET /api/executions/{id}}</td><td>viewer</td>
 * <td>status with steps, {@code failure}, {@code refusals}, {@code partitions}, {@code progress}</td></tr>
 * <tr><td>{@code GET /api/executions/{id}/report}</td><td>viewer</td>
 * <td>the plan report; HTML for {@code Accept: text/html} or {@code ?format=html}</td></tr>
 * <tr><td>{@code POST /api/executions/{id}/restart}</td><td>operator</td><td>202 with the new execution id; 409 when not restartable</td></tr>
 * <tr><td>{@code POST /api/executions/{id}/stop}</td><td>operator</td><td>202; 409 when not running</td></tr>
 * </table>
 *
 * <p>Errors are {@code {"error": "...", "field": "..."}} ({@code field} for 400 only); a start refused
 * by the lease is 409 with {@code holderExecutionId} and {@code expiresAt}. The operator role includes
 * reading. Users: {@code cutover.api.users.<name>.password} and {@code .roles}; none configured means
 * every call is 401. {@code /q/health}, {@code /q/metrics} and {@code /q/openapi} need no credentials.
 */
package dev.cutover.ops.http;
