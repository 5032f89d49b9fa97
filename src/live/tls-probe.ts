import { connect, checkServerIdentity, type PeerCertificate } from 'node:tls';
import { isIP } from 'node:net';
import type { Net } from './net.js';
import type { LiveSettings } from './settings.js';
import { StepTimeout, withTimeout } from './timing.js';

export type CertificateOutcome =
  | {
      readonly kind: 'certificate';
      readonly validFrom: Date;
      readonly validTo: Date;
      /** Names the certificate covers (subjectAltName DNS entries, else the CN). */
      readonly names: readonly string[];
      /** Whether the host name is among them (RFC 6125 matching, wildcards included). */
      readonly nameMatches: boolean;
      /** The chain verified against the trusted roots (expiry and name aside), or the reason it did not. */
      readonly chainError?: string;
    }
  | { readonly kind: 'failed'; readonly code: string };

/** Verification errors that say nothing about the chain itself: they are reported from the dates and names. */
const NOT_CHAIN = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'ERR_TLS_CERT_ALTNAME_INVALID']);

function namesOf(cert: PeerCertificate): string[] {
  const alt = (cert.subjectaltname ?? '')
    .split(/,\s*/)
    .filter((n) => n.startsWith('DNS:'))
    .map((n) => n.slice(4));
  if (alt.length > 0) return alt;
  const cn = cert.subject?.CN;
  return cn ? (Array.isArray(cn) ? cn : [cn]) : [];
}

/**
 * Opens a TLS connection to host:443 (or its `connect` override) with the host as SNI and
 * reads the certificate a browser would be shown. Verification is done here, not by the
 * handshake, so that an expired or misnamed certificate is reported for what it is.
 */
export async function probeCertificate(host: string, net: Net, settings: LiveSettings, port = 443): Promise<CertificateOutcome> {
  const to = net.target(host, port);
  let socket: ReturnType<typeof connect> | undefined;
  try {
    return await withTimeout(
      settings.timeoutMs,
      () =>
        new Promise<CertificateOutcome>((resolve, reject) => {
          socket = connect({
            host: to?.host ?? host,
            port: to?.port ?? port,
            ...(isIP(host) === 0 && { servername: host }),
            rejectUnauthorized: false,
            ...(net.ca && { ca: [...net.ca] }),
            ...(!to && { lookup: net.lookup as never }),
            ALPNProtocols: ['http/1.1'],
          });
          socket.once('secureConnect', () => {
            const cert = socket!.getPeerCertificate();
            if (!cert || !cert.valid_to) {
              resolve({ kind: 'failed', code: 'NO_CERTIFICATE' });
              return;
            }
            const authError = socket!.authorizationError ? String((socket!.authorizationError as { code?: string }).code ?? socket!.authorizationError) : undefined;
            resolve({
              kind: 'certificate',
              validFrom: new Date(cert.valid_from),
              validTo: new Date(cert.valid_to),
              names: namesOf(cert),
              nameMatches: checkServerIdentity(host, cert) === undefined,
              ...(authError && !NOT_CHAIN.has(authError) && { chainError: authError }),
            });
          });
          socket.once('error', reject);
        }),
    );
  } catch (e) {
    return { kind: 'failed', code: e instanceof StepTimeout ? 'ETIMEOUT' : String((e as { code?: unknown }).code ?? (e as Error).message) };
  } finally {
    socket?.destroy();
  }
}
