// The input travels in the URL's fragment, which browsers never send to a server (RFC 3986 §3.5).
// `#z=` is the UTF-8 text compressed with raw DEFLATE (CompressionStream) in base64url; `#t=` is the
// text percent-encoded, for browsers without CompressionStream.

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  }
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

async function transform(bytes: Uint8Array, stream: GenerateTransformStream): Promise<Uint8Array> {
  const piped = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(piped).arrayBuffer());
}

type GenerateTransformStream = CompressionStream | DecompressionStream;

export async function encodeFragment(text: string): Promise<string> {
  if (text === '') return '';
  if (typeof CompressionStream !== 'function') return `t=${encodeURIComponent(text)}`;
  const packed = await transform(new TextEncoder().encode(text), new CompressionStream('deflate-raw'));
  return `z=${toBase64Url(packed)}`;
}

/** The text a fragment holds, or `undefined` when it holds none or cannot be read. */
export async function decodeFragment(fragment: string): Promise<string | undefined> {
  const value = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  try {
    if (value.startsWith('t=')) return decodeURIComponent(value.slice(2));
    if (value.startsWith('z=') && typeof DecompressionStream === 'function') {
      const bytes = await transform(fromBase64Url(value.slice(2)), new DecompressionStream('deflate-raw'));
      return new TextDecoder().decode(bytes);
    }
  } catch {
    // A damaged link: the page starts empty and says so.
  }
  return undefined;
}
