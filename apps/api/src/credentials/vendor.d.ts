// The Digital Bazaar / DCC credential libraries ship JavaScript without types: only what Dari calls.
declare module '@digitalbazaar/vc' {
  export function issue(options: {
    credential: Record<string, unknown>;
    suite: unknown;
    documentLoader: (url: string) => Promise<unknown>;
    now?: Date;
  }): Promise<Record<string, unknown>>;
  export function verifyCredential(options: {
    credential: unknown;
    suite: unknown;
    documentLoader: (url: string) => Promise<unknown>;
    checkStatus?: () => Promise<{ verified: boolean }>;
    now?: Date;
  }): Promise<{ verified: boolean; error?: unknown }>;
}
declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { signer?: unknown; cryptosuite: unknown; date?: Date });
    verificationMethod?: string;
  }
}
declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: unknown;
}
declare module '@digitalbazaar/ed25519-multikey' {
  export interface Ed25519KeyPair {
    id?: string;
    controller?: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
    signer(): unknown;
    export(options: { publicKey?: boolean; secretKey?: boolean; includeContext?: boolean; raw?: false }): Promise<{
      publicKeyMultibase: string;
      secretKeyMultibase?: string;
    }>;
    export(options: { publicKey?: boolean; secretKey?: boolean; raw: true }): Promise<{
      publicKey?: Uint8Array;
      secretKey?: Uint8Array;
    }>;
  }
  export function toJwk(options: { keyPair: Ed25519KeyPair; secretKey?: boolean }): Promise<Record<string, string>>;
  export function generate(options?: { id?: string; controller?: string }): Promise<Ed25519KeyPair>;
  export function from(key: {
    id?: string;
    controller?: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
    type?: string;
    '@context'?: string;
  }): Promise<Ed25519KeyPair>;
}
declare module '@digitalbazaar/vc-bitstring-status-list' {
  export class BitstringStatusList {
    constructor(options: { length?: number; buffer?: Uint8Array });
    length: number;
    bitstring: { bits: Uint8Array };
    setStatus(index: number, status: boolean): void;
    getStatus(index: number): boolean;
    encode(): Promise<string>;
    static decode(options: { encodedList: string }): Promise<BitstringStatusList>;
  }
}
declare module '@digitalcredentials/security-document-loader' {
  export interface SecurityLoader {
    addStatic(url: string, document: unknown): void;
    setDidResolver(resolver: { get(options: { url?: string; did?: string }): Promise<unknown> }): void;
    setProtocolHandler(options: {
      protocol: string;
      handler: { get(options: { url: string }): Promise<unknown> };
    }): void;
    build(): (url: string) => Promise<{ contextUrl: null; document: unknown; documentUrl: string }>;
  }
  export function securityLoader(options?: { fetchRemoteContexts?: boolean }): SecurityLoader;
}
