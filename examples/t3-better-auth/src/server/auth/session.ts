import "server-only";
import { headers } from "next/headers";
import { cache } from "react";

import { auth } from "./index";

/** The signed-in session of this request (pages and server actions), or null. */
export const getSession = cache(async () => auth.api.getSession({ headers: await headers() }));
