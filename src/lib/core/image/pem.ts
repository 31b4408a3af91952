/** PEM armor (RFC 7468) around DER bytes; base64 through atob/btoa, which browsers and Node share. */
import { fail } from '../errors';

export interface PemBlock {
  label: string;
  der: Uint8Array;
}

const PEM_RE = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END ([A-Z0-9 ]+)-----/;
const MAX_PEM_CHARS = 64 * 1024;

export function decodePem(text: string): PemBlock {
  if (text.length > MAX_PEM_CHARS) fail('IMAGE_KEY_INVALID', `key file has ${text.length} characters; a PEM key is far smaller`);
  const match = PEM_RE.exec(text);
  if (!match) fail('IMAGE_KEY_INVALID', 'no "-----BEGIN …-----" / "-----END …-----" PEM block found');
  const [, label, body, endLabel] = match;
  if (label !== endLabel) fail('IMAGE_KEY_INVALID', `PEM block begins with "${label}" but ends with "${endLabel}"`);
  if (/^[A-Za-z-]+:/m.test(body)) fail('IMAGE_KEY_INVALID', `PEM "${label}" has headers (Proc-Type/DEK-Info): it is password-protected`);
  const base64 = body.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 !== 0) {
    fail('IMAGE_KEY_INVALID', `PEM "${label}" body is not valid base64`);
  }
  const binary = atob(base64);
  const der = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) der[i] = binary.charCodeAt(i);
  return { label, der };
}

/** 64-character lines and a final newline, as OpenSSL (and so imgtool) writes them. */
export function encodePem(label: string, der: Uint8Array): string {
  const base64 = btoa(String.fromCharCode(...der));
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
