// Default generators for client-made ids. Element and op ids are created in the browser (C# ElementId: 1-64 of
// [A-Za-z0-9_-]) so an op can be recognised when it comes back confirmed and deduplicated when it is resent.
// Random, not sequential: two browsers, or one browser after a reload, must never produce the same id, because a
// deleted id can never be used again.

const alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

export function randomToken(length = 12): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  let token = "";
  // 62 symbols from 256 values has a slight bias, irrelevant for ids that only need to be unique.
  for (const byte of bytes) token += alphabet[byte % alphabet.length];
  return token;
}

export const newElementId = (prefix: "n" | "z" | "l"): string => `${prefix}_${randomToken()}`;

export const newOpId = (): string => `op_${randomToken()}`;
