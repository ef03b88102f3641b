/**
 * Chrome's virtual authenticator through the DevTools Protocol's WebAuthn domain, for Playwright tests
 * of passkeys. Typed structurally, so the kit needs no dependency on @playwright/test: a Playwright
 * `Page` (Chromium) fits `PageWithCdp`.
 */

interface CdpSession {
  send(method: string, params?: object): Promise<unknown>;
}

/** What the helper uses of a Playwright `Page`: its context's `newCDPSession` (Chromium only). */
export interface PageWithCdp {
  context(): { newCDPSession(page: never): Promise<CdpSession> };
}

export interface VirtualAuthenticator {
  /** The DevTools id, for CDP calls of your own (e.g. `WebAuthn.getCredentials`). */
  authenticatorId: string;
  /** Whether the next ceremonies report user verification (a PIN or biometric) — false to test its absence. */
  setUserVerified(verified: boolean): Promise<void>;
  /** Forgets every passkey created on it (a lost device). */
  clearCredentials(): Promise<void>;
  /** Removes the authenticator from the page. */
  remove(): Promise<void>;
}

export interface VirtualAuthenticatorOptions {
  /** Default true. False: assertions arrive without the UV flag, which the module refuses. */
  userVerified?: boolean;
}

/**
 * Adds a platform authenticator (CTAP2, internal transport, resident keys, user verification) that
 * answers every WebAuthn ceremony on `page` without browser UI.
 *
 * @example
 * const authenticator = await addVirtualAuthenticator(page);
 * await page.getByRole("button", { name: "Add a passkey" }).click();
 */
export async function addVirtualAuthenticator(
  page: PageWithCdp,
  options: VirtualAuthenticatorOptions = {},
): Promise<VirtualAuthenticator> {
  const cdp = await page.context().newCDPSession(page as never);
  await cdp.send("WebAuthn.enable");
  const added = (await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: options.userVerified ?? true,
      automaticPresenceSimulation: true,
    },
  })) as { authenticatorId: string };
  const { authenticatorId } = added;
  return {
    authenticatorId,
    setUserVerified: async (isUserVerified) => {
      await cdp.send("WebAuthn.setUserVerified", { authenticatorId, isUserVerified });
    },
    clearCredentials: async () => {
      await cdp.send("WebAuthn.clearCredentials", { authenticatorId });
    },
    remove: async () => {
      await cdp.send("WebAuthn.removeVirtualAuthenticator", { authenticatorId });
    },
  };
}
