/** A fresh nonce for each webview page's Content-Security-Policy, from the OS's CSPRNG. */
import { randomBytes } from "node:crypto";

export function createNonce(): string {
  return randomBytes(18).toString("base64url");
}
