import { getDemoApp } from "@/server/app";

/**
 * The transfer as a JSON API, behind the same step-up gate as `transfers.create` (ADR 020): a refusal is
 * 401 with an RFC 9470 `WWW-Authenticate` challenge; verify through `stepUp.verify`, then resend.
 */
export function POST(request: Request): Promise<Response> {
  return getDemoApp().http.createTransfer(request);
}
