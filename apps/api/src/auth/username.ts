/** The form usernames are stored and compared in (the contract's usernameSchema does the same). */
export function normaliseUsername(input: string): string {
  return input.trim().normalize('NFC').toLowerCase();
}
