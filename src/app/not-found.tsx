import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

/** Every unknown address: said plainly, with the way back (Next's bare 404 otherwise). */
export default function NotFound() {
  return (
    <main id="main" className="card not-found">
      <p className="muted">Ledger</p>
      <h1>We can’t find that page</h1>
      <p>The address may be mistyped, or the page has moved. Nothing in your account was changed.</p>
      <p>
        <Link className="button" href="/">
          Go to your dashboard
        </Link>
      </p>
    </main>
  );
}
