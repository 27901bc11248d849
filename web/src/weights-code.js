// Trained weights in a link: every weight as its 8 IEEE-754 bytes (little
// endian), base64url-encoded, so the receiver gets the exact same doubles.
// About 10.7 characters a weight.

// flat: the weights one after another (a Float64Array or an array of numbers).
export function encodeWeights(flat) {
  const bytes = new Uint8Array(flat.length * 8);
  const view = new DataView(bytes.buffer);
  flat.forEach((value, i) => view.setFloat64(i * 8, value, true));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

// Returns a Float64Array, or null when the text is not whole base64url doubles.
export function decodeWeights(text) {
  if (typeof text !== 'string' || !/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  let binary;
  try {
    binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  } catch {
    return null;
  }
  if (binary.length === 0 || binary.length % 8 !== 0) return null;
  const view = new DataView(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i += 1) view.setUint8(i, binary.charCodeAt(i));
  return Float64Array.from({ length: binary.length / 8 }, (_, i) => view.getFloat64(i * 8, true));
}
