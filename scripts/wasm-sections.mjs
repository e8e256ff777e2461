// scripts/wasm-sections.mjs — the little of the wasm binary format that the build and the benchmark
// read: unsigned LEB128 numbers, the module's sections, an import's description, and the size of
// each function body. scripts/short-imports.mjs renames the imports with it; bench/driver.mjs
// counts the code the first chart compiles.

/** Unsigned LEB128 at `at`: `[value, next offset]`. */
export function readLeb(bytes, at) {
  let value = 0, shift = 0, byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

/** The module's sections in order: each one's id, where it starts (its id byte), where its body
 * starts and where it ends. */
export function sections(bytes) {
  const out = [];
  let at = 8; // magic and version
  while (at < bytes.length) {
    const [size, bodyAt] = readLeb(bytes, at + 1);
    out.push({ id: bytes[at], at, bodyAt, end: bodyAt + size });
    at = bodyAt + size;
  }
  return out;
}

/** Bytes of an import's description after its names (kind, then its type), from `at`: its end. */
export function skipImportDesc(bytes, at) {
  const kind = bytes[at++];
  if (kind === 0) return readLeb(bytes, at)[1]; // function: type index
  if (kind === 1) { at++; const flags = bytes[at++]; at = readLeb(bytes, at)[1]; return flags & 1 ? readLeb(bytes, at)[1] : at; } // table
  if (kind === 2) { const flags = bytes[at++]; at = readLeb(bytes, at)[1]; return flags & 1 ? readLeb(bytes, at)[1] : at; } // memory
  if (kind === 3) return at + 2; // global: value type, mutability
  throw new Error(`wasm: import kind ${kind} not handled`);
}

/**
 * The size in bytes of each function body, by function index as V8 numbers them: the imported
 * functions first (their entries are 0), then the module's own.
 */
export function functionSizes(bytes) {
  const sizes = [];
  for (const { id, bodyAt } of sections(bytes)) {
    if (id === 2) {
      let [count, p] = readLeb(bytes, bodyAt);
      for (; count > 0; count--) {
        const [moduleLength, moduleAt] = readLeb(bytes, p);
        const [nameLength, nameAt] = readLeb(bytes, moduleAt + moduleLength);
        const descAt = nameAt + nameLength;
        if (bytes[descAt] === 0) sizes.push(0);
        p = skipImportDesc(bytes, descAt);
      }
    }
    if (id === 10) {
      let [count, p] = readLeb(bytes, bodyAt);
      for (; count > 0; count--) {
        const [size, codeAt] = readLeb(bytes, p);
        sizes.push(size);
        p = codeAt + size;
      }
    }
  }
  return sizes;
}
