/**
 * Liveness for a load balancer in front of several instances: answers without touching the database
 * (a database outage must not take every instance out of rotation at once). Also the floor of
 * `npm run bench:http`: the cheapest request Next serves here.
 */
export const dynamic = "force-dynamic";

export function GET(): Response {
  return new Response("ok", { headers: { "content-type": "text/plain", "cache-control": "no-store" } });
}
