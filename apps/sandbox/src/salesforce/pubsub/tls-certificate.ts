import { generate } from 'selfsigned';

export interface TlsKeyPair {
  readonly privateKey: string;
  readonly certificate: string;
}

/**
 * A throw-away self-signed certificate for `localhost` / `127.0.0.1`, made at startup.
 * The Pub/Sub client always dials TLS; it accepts this certificate only with `rejectUnauthorizedSsl: false`.
 */
export async function generateSelfSignedCertificate(): Promise<TlsKeyPair> {
  const result = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    notAfterDate: new Date(Date.now() + 7 * 24 * 3600 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { privateKey: result.private, certificate: result.cert };
}
