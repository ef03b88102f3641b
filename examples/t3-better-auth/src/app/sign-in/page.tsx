import { headers } from "next/headers";
import { redirect } from "next/navigation";

import { auth } from "~/server/auth";

async function signInWithPassword(form: FormData) {
  "use server";
  const body = { email: String(form.get("email")), password: String(form.get("password")) };
  await auth.api.signInEmail({ body, headers: await headers() });
  redirect("/plan");
}

async function sendSignInLink(form: FormData) {
  "use server";
  await auth.api.signInMagicLink({
    body: { email: String(form.get("email")), callbackURL: "/plan" },
    headers: await headers(),
  });
  redirect("/sign-in?sent=1");
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ sent?: string }> }) {
  const { sent } = await searchParams;
  return (
    <main className="mx-auto flex max-w-md flex-col gap-8 p-8">
      <h1 className="text-3xl font-bold">Sign in</h1>
      <form action={signInWithPassword} className="flex flex-col gap-2" aria-label="With a password">
        <label className="flex flex-col">
          Email <input name="email" type="email" required className="border p-1" />
        </label>
        <label className="flex flex-col">
          Password <input name="password" type="password" required className="border p-1" />
        </label>
        <button type="submit" className="rounded bg-black p-2 text-white">
          Sign in with password
        </button>
      </form>
      <form action={sendSignInLink} className="flex flex-col gap-2" aria-label="With an email link">
        <label className="flex flex-col">
          Email for a link <input name="email" type="email" required className="border p-1" />
        </label>
        <button type="submit" className="rounded bg-black p-2 text-white">
          Email me a sign-in link
        </button>
      </form>
      {sent && <p role="status">Check your email.</p>}
    </main>
  );
}
