/**
 * Bytes of a file to text, for the LRA a user saved: a byte-order mark first, then files that are
 * plainly not text (zip/xlsx, old xls, PDF, images), then UTF-8 if the bytes are valid UTF-8, then
 * Windows-1252 (what an older Excel on Windows saves as "Teks (dipisah tab)"). TextDecoder is in every
 * browser and in Node, so this stays pure. Refusals are message codes with their parameters.
 */
import type { MessageCode, MessageParams } from "./messages.id";

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/** As users know them. */
export const ENCODING_LABEL: Record<TextEncoding, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16LE",
  "utf-16be": "UTF-16BE",
  "windows-1252": "Windows-1252",
};

export type DecodeRefusalCode = Extract<
  MessageCode,
  "file-zip" | "file-xls" | "file-pdf" | "file-image" | "file-binary" | "file-encoding-unsupported" | "file-encoding-invalid"
>;

export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncoding; bom: boolean }
  | { ok: false; code: DecodeRefusalCode; params: MessageParams };

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0): boolean =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);

/** Signatures of the files users mistake for the text export. */
const SIGNATURES: ReadonlyArray<{ magic: readonly number[]; code: DecodeRefusalCode; kind: string }> = [
  { magic: [0x50, 0x4b, 0x03, 0x04], code: "file-zip", kind: "" },
  { magic: [0x50, 0x4b, 0x05, 0x06], code: "file-zip", kind: "" },
  { magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], code: "file-xls", kind: "" },
  { magic: [0x25, 0x50, 0x44, 0x46, 0x2d], code: "file-pdf", kind: "" },
  { magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], code: "file-image", kind: "PNG" },
  { magic: [0xff, 0xd8, 0xff], code: "file-image", kind: "JPEG" },
  { magic: [0x47, 0x49, 0x46, 0x38], code: "file-image", kind: "GIF" },
  { magic: [0x1f, 0x8b], code: "file-binary", kind: "gzip" },
];

// only the head decides: a text file shows itself in its first 64 KiB
const SNIFF = 64 * 1024;

export function decodeText(bytes: Uint8Array): DecodeResult {
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00])) return unsupported("UTF-32LE");
  if (startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) return unsupported("UTF-32BE");
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeAs(bytes.subarray(3), "utf-8", true);
  if (startsWith(bytes, [0xff, 0xfe])) return decodeAs(bytes.subarray(2), "utf-16le", true);
  if (startsWith(bytes, [0xfe, 0xff])) return decodeAs(bytes.subarray(2), "utf-16be", true);
  for (const s of SIGNATURES) if (startsWith(bytes, s.magic)) return { ok: false, code: s.code, params: { kind: s.kind } };

  const head = bytes.subarray(0, SNIFF);
  const utf16 = utf16WithoutBom(head);
  if (utf16) return decodeAs(bytes, utf16, false);
  if (head.includes(0)) return { ok: false, code: "file-binary", params: { kind: "" } };
  const utf8 = tryDecode(bytes, "utf-8");
  if (utf8 !== null) return checked(utf8, "utf-8", false);
  return checked(windows1252(bytes), "windows-1252", false);
}

// 0x80–0x9F of Windows-1252 (WHATWG encoding table); the five unassigned bytes stay C1 controls.
// Decoded here, not by TextDecoder: Node's "windows-1252" decoder is Latin-1 and loses €, –, “ ”.
const CP1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

function windows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    const codes = new Array<number>(end - start);
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      codes[i - start] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b;
    }
    chunks.push(String.fromCharCode(...codes));
  }
  return chunks.join("");
}

function unsupported(encoding: string): DecodeResult {
  return { ok: false, code: "file-encoding-unsupported", params: { encoding } };
}

function tryDecode(bytes: Uint8Array, encoding: TextEncoding): string | null {
  try {
    // ignoreBOM: the mark was taken off by the caller, or there is none; a second one is text
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function decodeAs(bytes: Uint8Array, encoding: TextEncoding, bom: boolean): DecodeResult {
  const text = tryDecode(bytes, encoding);
  if (text === null) return { ok: false, code: "file-encoding-invalid", params: { encoding: ENCODING_LABEL[encoding] } };
  return checked(text, encoding, bom);
}

/**
 * Text is mostly ASCII in an LRA, so UTF-16 without a mark shows as a zero byte beside nearly every
 * character: in odd positions for little-endian, in even ones for big-endian.
 */
function utf16WithoutBom(head: Uint8Array): TextEncoding | null {
  const pairs = Math.floor(head.length / 2);
  if (pairs < 2) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) evenZero++;
    if (head[i + 1] === 0) oddZero++;
  }
  if (oddZero >= pairs * 0.6 && evenZero === 0) return "utf-16le";
  if (evenZero >= pairs * 0.6 && oddZero === 0) return "utf-16be";
  return null;
}

/**
 * Decoded bytes that are mostly control characters are not text, whatever decoded them (random bytes
 * are valid Windows-1252). Text has TAB, line breaks, and perhaps a stray form feed.
 */
function checked(text: string, encoding: TextEncoding, bom: boolean): DecodeResult {
  const n = Math.min(text.length, SNIFF);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f || (c >= 0x80 && c <= 0x9f)) controls++;
  }
  if (controls > Math.max(2, n * 0.01)) return { ok: false, code: "file-binary", params: { kind: "" } };
  return { ok: true, text, encoding, bom };
}
