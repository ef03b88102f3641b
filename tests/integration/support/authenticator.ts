import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { isoBase64URL, isoCBOR } from "@simplewebauthn/server/helpers";

type Cbor = Parameters<typeof isoCBOR.encode>[0];

/** The relying party the test services use (relying-party.ts defaults). */
export const TEST_ORIGIN = "http://localhost:3000";
export const TEST_RP_ID = "localhost";

const FLAG_USER_PRESENT = 0x01;
const FLAG_USER_VERIFIED = 0x04;
const FLAG_ATTESTED_CREDENTIAL = 0x40;

export interface CeremonyOverrides {
  origin?: string;
  rpId?: string;
  userVerified?: boolean;
  userPresent?: boolean;
  /** Signature counter to report (default: one more than last time). */
  counter?: number;
  /** Sign a different challenge than the one in the options. */
  challenge?: string;
}

/**
 * A software passkey (P-256, ES256) that produces real WebAuthn responses, byte for byte what a
 * browser sends: clientDataJSON, authenticatorData (rpIdHash, flags, counter), attestation "none"
 * with a COSE public key, and a DER ECDSA signature over authenticatorData ‖ sha256(clientDataJSON).
 */
export function createSoftwareAuthenticator() {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const credentialId = isoBase64URL.fromBuffer(new Uint8Array(randomBytes(16)));
  let counter = 0;

  function nextCounter(overrides: CeremonyOverrides): number {
    counter = overrides.counter ?? counter + 1;
    return counter;
  }

  return {
    credentialId,
    get counter() {
      return counter;
    },

    register(
      options: PublicKeyCredentialCreationOptionsJSON,
      overrides: CeremonyOverrides = {},
    ): RegistrationResponseJSON {
      const clientDataJSON = clientData(
        "webauthn.create",
        overrides.challenge ?? options.challenge,
        overrides.origin ?? TEST_ORIGIN,
      );
      const authData = authenticatorData(
        { ...overrides, rpId: overrides.rpId ?? options.rp.id ?? TEST_RP_ID },
        nextCounter(overrides),
        attestedCredential(credentialId, publicKey),
      );
      const attestationObject = isoCBOR.encode(
        new Map<string | number, Cbor>([
          ["fmt", "none"],
          ["attStmt", new Map()],
          ["authData", authData],
        ]),
      );
      return {
        id: credentialId,
        rawId: credentialId,
        type: "public-key",
        response: {
          clientDataJSON: isoBase64URL.fromBuffer(clientDataJSON),
          attestationObject: isoBase64URL.fromBuffer(attestationObject),
          transports: ["internal"],
        },
        clientExtensionResults: {},
        authenticatorAttachment: "platform",
      };
    },

    authenticate(
      options: PublicKeyCredentialRequestOptionsJSON,
      overrides: CeremonyOverrides = {},
    ): AuthenticationResponseJSON {
      const clientDataJSON = clientData(
        "webauthn.get",
        overrides.challenge ?? options.challenge,
        overrides.origin ?? TEST_ORIGIN,
      );
      const authData = authenticatorData(
        { ...overrides, rpId: overrides.rpId ?? options.rpId ?? TEST_RP_ID },
        nextCounter(overrides),
      );
      const signature = signAssertion(privateKey, authData, clientDataJSON);
      return {
        id: credentialId,
        rawId: credentialId,
        type: "public-key",
        response: {
          clientDataJSON: isoBase64URL.fromBuffer(clientDataJSON),
          authenticatorData: isoBase64URL.fromBuffer(authData),
          signature: isoBase64URL.fromBuffer(signature),
        },
        clientExtensionResults: {},
        authenticatorAttachment: "platform",
      };
    },
  };
}

export type SoftwareAuthenticator = ReturnType<typeof createSoftwareAuthenticator>;

function clientData(type: string, challenge: string, origin: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false })));
}

function authenticatorData(
  options: CeremonyOverrides & { rpId: string },
  signCount: number,
  attested?: Uint8Array,
): Uint8Array<ArrayBuffer> {
  const flags =
    (options.userPresent === false ? 0 : FLAG_USER_PRESENT) |
    (options.userVerified === false ? 0 : FLAG_USER_VERIFIED) |
    (attested ? FLAG_ATTESTED_CREDENTIAL : 0);
  const count = Buffer.alloc(4);
  count.writeUInt32BE(signCount);
  const rpIdHash = createHash("sha256").update(options.rpId).digest();
  return new Uint8Array(Buffer.concat([rpIdHash, Buffer.from([flags]), count, ...(attested ? [attested] : [])]));
}

/** aaguid (zeros) ‖ credential id length ‖ credential id ‖ COSE_Key (EC2, ES256, P-256). */
function attestedCredential(credentialId: string, publicKey: KeyObject): Uint8Array {
  const id = isoBase64URL.toBuffer(credentialId);
  const jwk = publicKey.export({ format: "jwk" });
  const coseKey = new Map<string | number, Cbor>([
    [1, 2], // kty: EC2
    [3, -7], // alg: ES256
    [-1, 1], // crv: P-256
    [-2, isoBase64URL.toBuffer(jwk.x!)],
    [-3, isoBase64URL.toBuffer(jwk.y!)],
  ]);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(id.length);
  return Buffer.concat([Buffer.alloc(16), length, id, isoCBOR.encode(coseKey)]);
}

function signAssertion(
  privateKey: KeyObject,
  authData: Uint8Array,
  clientDataJSON: Uint8Array,
): Uint8Array<ArrayBuffer> {
  const clientDataHash = createHash("sha256").update(clientDataJSON).digest();
  // Node signs EC keys in DER, which is what WebAuthn carries.
  return new Uint8Array(sign("sha256", Buffer.concat([authData, clientDataHash]), privateKey));
}
