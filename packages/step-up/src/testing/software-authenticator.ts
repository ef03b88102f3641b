import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { isoCBOR } from "@simplewebauthn/server/helpers";
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/server";

/** A passkey held in memory: the answers a browser's authenticator would give, signed with a real P-256 key. */
export interface SoftwareAuthenticator {
  /** The credential id (base64url) once `register` has run. */
  readonly credentialId: string;
  /** Answers `navigator.credentials.create()` for these options ("none" attestation). */
  register(options: PublicKeyCredentialCreationOptionsJSON): RegistrationResponseJSON;
  /** Answers `navigator.credentials.get()` for these options; the signature counter goes up by one. */
  authenticate(options: PublicKeyCredentialRequestOptionsJSON): AuthenticationResponseJSON;
  /** Whether the next answers carry the user-verified (UV) flag. */
  setUserVerified(verified: boolean): void;
}

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

/**
 * A WebAuthn authenticator in Node, for server-side tests of passkeys without a browser (for a browser,
 * `addVirtualAuthenticator`). `origin` must be one of the relying party's origins; the rp ID comes
 * from the options.
 *
 * @example
 * const authenticator = createSoftwareAuthenticator({ origin: "http://localhost:3000" });
 * const response = authenticator.authenticate(challenge.options);
 */
export function createSoftwareAuthenticator(options: {
  origin: string;
  userVerified?: boolean;
}): SoftwareAuthenticator {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const id = randomBytes(16);
  let counter = 0;
  let userVerified = options.userVerified ?? true;
  let userHandle: string | undefined;
  const flags = () => FLAG_UP | (userVerified ? FLAG_UV : 0);
  const clientData = (type: string, challenge: string) =>
    Buffer.from(JSON.stringify({ type, challenge, origin: options.origin, crossOrigin: false }));

  return {
    get credentialId() {
      return base64url(id);
    },
    register(creation) {
      userHandle = creation.user.id;
      const rpId = creation.rp.id ?? new URL(options.origin).hostname;
      const credentialLength = Buffer.alloc(2);
      credentialLength.writeUInt16BE(id.length);
      const authData = Buffer.concat([
        sha256(rpId),
        Buffer.from([flags() | FLAG_AT]),
        counterBytes(counter),
        Buffer.alloc(16), // AAGUID: none
        credentialLength,
        id,
        coseKey(publicKey),
      ]);
      const attestationObject = isoCBOR.encode(
        new Map<string, unknown>([
          ["fmt", "none"],
          ["attStmt", new Map()],
          ["authData", new Uint8Array(authData)],
        ]) as never,
      );
      return {
        id: base64url(id),
        rawId: base64url(id),
        type: "public-key",
        response: {
          clientDataJSON: base64url(clientData("webauthn.create", creation.challenge)),
          attestationObject: base64url(Buffer.from(attestationObject)),
          transports: ["internal"],
        },
        clientExtensionResults: {},
        authenticatorAttachment: "platform",
      };
    },
    authenticate(request) {
      const rpId = request.rpId ?? new URL(options.origin).hostname;
      counter += 1;
      const authenticatorData = Buffer.concat([sha256(rpId), Buffer.from([flags()]), counterBytes(counter)]);
      const clientDataJSON = clientData("webauthn.get", request.challenge);
      const signature = sign("sha256", Buffer.concat([authenticatorData, sha256(clientDataJSON)]), privateKey);
      return {
        id: base64url(id),
        rawId: base64url(id),
        type: "public-key",
        response: {
          clientDataJSON: base64url(clientDataJSON),
          authenticatorData: base64url(authenticatorData),
          signature: base64url(signature),
          ...(userHandle ? { userHandle } : {}),
        },
        clientExtensionResults: {},
        authenticatorAttachment: "platform",
      };
    },
    setUserVerified(verified) {
      userVerified = verified;
    },
  };
}

/** The public key as a COSE_Key (EC2, P-256, ES256), as WebAuthn's attested credential data carries it. */
function coseKey(publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: "jwk" });
  const key = new Map<number, unknown>([
    [1, 2], // kty: EC2
    [3, -7], // alg: ES256
    [-1, 1], // crv: P-256
    [-2, new Uint8Array(Buffer.from(jwk.x ?? "", "base64url"))],
    [-3, new Uint8Array(Buffer.from(jwk.y ?? "", "base64url"))],
  ]);
  return Buffer.from(isoCBOR.encode(key as never));
}

function counterBytes(counter: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(counter);
  return bytes;
}

function sha256(value: string | Buffer): Buffer {
  return createHash("sha256").update(value).digest();
}

function base64url(bytes: Buffer): string {
  return bytes.toString("base64url");
}
