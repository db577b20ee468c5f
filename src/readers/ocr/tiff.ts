import { inflateRawSync } from 'node:zlib';
import UTIF from 'utif2';
import { DEFAULT_MAX_PAGES } from '../pdf/pdfReader.ts';
import { OCR_DPI } from './cleanPage.ts';
import {
  type GreyImage,
  greyFromRgba,
  guessDpi,
  ImageReadError,
  MAX_RASTER_PIXELS,
  stampFromRgba,
} from './raster.ts';

/**
 * TIFF scans → page images for OCR, one per page of a multi-page TIFF, as scanners and fax
 * software write them. Decoding (uncompressed, PackBits, LZW, Deflate, CCITT G3/G4, JPEG) is
 * utif2's; the directories are read here instead, because utif2's own reader follows a directory
 * chain that loops back forever and trusts every count. Every page's directory is read and checked
 * before any page is decoded: a page that declares more than MAX_RASTER_PIXELS, data past the end of
 * the file, or a Deflate strip that inflates past its page is refused; the chain stops at the page
 * limit and where it loops. Pixels become grey as in raster.ts (red channel for colour scans, so red
 * seals fade); bilevel pages come out black on white whether 0 means white or black.
 */

type TagValue = number[] | Uint8Array;

/** One page as its directory describes it; `ifd` holds the tags utif2's decoder reads ("t256": [w], …). */
export interface TiffPage {
  /** 1-based, in file order. */
  readonly page: number;
  readonly width: number;
  readonly height: number;
  /** Rows after correcting non-square pixels (a fax's 204 × 98 dpi): what OCR gets. */
  readonly outputHeight: number;
  readonly dpi: number;
  readonly compression: number;
  readonly ifd: Record<string, TagValue>;
}

export interface TiffDirectory {
  readonly pages: TiffPage[];
  /** The file has more pages than the limit: only the first ones are listed. */
  readonly morePages: boolean;
  /** The directory chain points back to an earlier page: the pages before that are listed. */
  readonly loops: boolean;
}

const COMPRESSION: Readonly<Record<number, string>> = {
  1: 'uncompressed',
  2: 'CCITT modified Huffman',
  3: 'CCITT Group 3',
  4: 'CCITT Group 4',
  5: 'LZW',
  7: 'JPEG',
  8: 'Deflate',
  32946: 'Deflate',
  32773: 'PackBits',
};

const PHOTOMETRIC: Readonly<Record<number, string>> = {
  0: 'WhiteIsZero',
  1: 'BlackIsZero',
  2: 'RGB',
  3: 'palette',
  4: 'transparency mask',
  5: 'CMYK',
  6: 'YCbCr',
  8: 'CIELab',
};

/** Bytes per value of each TIFF field type (1–13). */
const TYPE_SIZE = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4] as const;

/** The tags the decoder and this reader use; the others (EXIF, sub-IFDs, maker notes) are not read. */
const KEPT = new Set([
  256, 257, 258, 259, 262, 266, 273, 277, 278, 279, 282, 283, 284, 292, 296, 317, 320, 322, 323, 324, 325,
  338, 339, 347, 530,
]);

/** More values than this in one tag (strip offsets of a 1-row-per-strip 80 MP page fit) is not a scan. */
const MAX_VALUES = 1 << 20;

/**
 * Guards on utif2's CCITT decoders (pinned 4.1.0): they read a code bit by bit into a string until
 * it matches one; on corrupt data none ever does, and each bit looks up an ever longer string (one
 * flipped byte in a G4 page cost two minutes); and a line that overshoots the width grows until the
 * strip ends. No code is longer than 64 bits (the longest, EOFB with fill bits, is under 32), and no
 * line longer than twice the page: past that the data is corrupt and the page fails at once.
 */
const MAX_CODE_BITS = 64;
let lineLimit = Number.POSITIVE_INFINITY;
const ccitt = UTIF.decode as unknown as {
  _lens: Record<string, number>[];
  _dmap: Record<string, number>;
  _addNtimes: (line: number[], n: number, value: number) => void;
};
const guardCodes = (table: Record<string, number>) =>
  new Proxy(table, {
    get(target, key) {
      if (typeof key === 'string' && key.length > MAX_CODE_BITS)
        throw new Error('no CCITT code matches the data (corrupt)');
      return target[key as string];
    },
  });
ccitt._lens = ccitt._lens.map(guardCodes);
ccitt._dmap = guardCodes(ccitt._dmap);
const addNtimes = ccitt._addNtimes;
ccitt._addNtimes = (line, n, value) => {
  if (line.length + n > lineLimit) throw new Error('a CCITT line runs past the image width (corrupt)');
  addNtimes(line, n, value);
};

const fail = (message: string): never => {
  throw new ImageReadError(message);
};

function readTags(bytes: Uint8Array, view: DataView, le: boolean, at: number, page: number) {
  const where = `page ${page}`;
  const count = view.getUint16(at, le);
  const next = at + 2 + count * 12;
  if (next > bytes.length) fail(`the directory of ${where} runs past the end of the file (cut off?)`);
  const ifd: Record<string, TagValue> = {};
  for (let e = at + 2; e < next; e += 12) {
    const tag = view.getUint16(e, le);
    const type = view.getUint16(e + 2, le);
    const n = view.getUint32(e + 4, le);
    if (!KEPT.has(tag) || type < 1 || type > 13) continue;
    if (n > MAX_VALUES) fail(`tag ${tag} of ${where} claims ${n} values`);
    const size = TYPE_SIZE[type]! * n;
    const start = size <= 4 ? e + 8 : view.getUint32(e + 8, le);
    if (start + size > bytes.length)
      fail(`tag ${tag} of ${where} points past the end of the file (${bytes.length} bytes; cut off?)`);
    if (type === 1 || type === 2 || type === 6 || type === 7) {
      ifd[`t${tag}`] = bytes.subarray(start, start + size);
      continue;
    }
    const values: number[] = [];
    for (let k = 0; k < n; k++) {
      const p = start + k * TYPE_SIZE[type]!;
      if (type === 3) values.push(view.getUint16(p, le));
      else if (type === 4 || type === 13) values.push(view.getUint32(p, le));
      else if (type === 8) values.push(view.getInt16(p, le));
      else if (type === 9) values.push(view.getInt32(p, le));
      else if (type === 5) values.push(view.getUint32(p, le) / view.getUint32(p + 4, le));
      else if (type === 10) values.push(view.getInt32(p, le) / view.getInt32(p + 4, le));
      else if (type === 11) values.push(view.getFloat32(p, le));
      else values.push(view.getFloat64(p, le));
    }
    ifd[`t${tag}`] = values;
  }
  const nextOffset = next + 4 <= bytes.length ? view.getUint32(next, le) : 0;
  return { ifd, nextOffset };
}

const first = (ifd: Record<string, TagValue>, tag: number): number | undefined => ifd[`t${tag}`]?.[0];

/** Pixels per inch across and down from XResolution, YResolution and ResolutionUnit, if stated. */
function resolution(ifd: Record<string, TagValue>): { x?: number; y?: number } {
  const unit = first(ifd, 296) ?? 2;
  if (unit !== 2 && unit !== 3) return {};
  const perInch = unit === 3 ? 2.54 : 1;
  const ok = (v: number | undefined) =>
    v !== undefined && Number.isFinite(v) && v > 0 ? v * perInch : undefined;
  const x = ok(first(ifd, 282));
  const y = ok(first(ifd, 283)) ?? x;
  return x === undefined ? {} : { x, ...(y === undefined ? {} : { y }) };
}

/**
 * The stated resolution when it is believable for a page: scanners and converters often write a
 * default 72 dpi over a 300 dpi scan, which would make an A4 page 34 inches wide and OCR blow it up
 * fourfold. Otherwise the guess from the pixel size, as for other image files.
 */
function pageDpi(width: number, height: number, stated: number | undefined): number {
  if (stated !== undefined && stated >= 50 && stated <= 2400) {
    const shortSideInches = Math.min(width, height) / stated;
    const atOcr = ((width * OCR_DPI) / stated) * ((height * OCR_DPI) / stated);
    if (shortSideInches <= 17 && atOcr <= MAX_RASTER_PIXELS) return Math.round(stated);
  }
  return guessDpi(width, height);
}

function checkPage(bytes: Uint8Array, ifd: Record<string, TagValue>, page: number): TiffPage {
  const where = `page ${page}`;
  const width = first(ifd, 256);
  const height = first(ifd, 257);
  if (!width || !height) fail(`${where} has no image size`);
  const w = width!;
  const h = height!;
  if (w * h > MAX_RASTER_PIXELS)
    fail(
      `${where} declares ${w} × ${h} pixels, over the limit of ${MAX_RASTER_PIXELS / 1024 / 1024} megapixels; not decoded`,
    );
  const compression = first(ifd, 259) ?? 1;
  if (!COMPRESSION[compression])
    fail(
      `${where} uses compression ${compression === 6 ? '6 (old-style JPEG)' : compression}, which is not read`,
    );
  const bits = first(ifd, 258) ?? 1;
  const samples = first(ifd, 277) ?? 1;
  const photometric = first(ifd, 262) ?? (bits === 1 ? 0 : samples >= 3 ? 2 : 1);
  ifd.t262 = [photometric];
  const supported =
    photometric === 0 || photometric === 1
      ? [1, 2, 4, 8, 16].includes(bits)
      : photometric === 2
        ? (bits === 8 || bits === 16) && samples >= 3
        : photometric === 3
          ? [1, 2, 4, 8].includes(bits) && (ifd.t320?.length ?? 0) >= 3 << bits
          : photometric === 6 && compression === 7;
  if (!supported)
    fail(
      `${where} is ${PHOTOMETRIC[photometric] ?? `photometric ${photometric}`} at ${bits} bits × ${samples} samples, which is not read`,
    );
  if (samples > 1 && first(ifd, 284) === 2)
    fail(`${where} stores its colours in separate planes, which is not read`);

  const tiled = ifd.t322 !== undefined;
  const offsets = tiled ? ifd.t324 : ifd.t273;
  let counts = tiled ? ifd.t325 : ifd.t279;
  const rowBytes = Math.ceil((w * bits * samples) / 8);
  if (!offsets || offsets.length === 0) fail(`${where} has no image data`);
  if (!counts && compression === 1 && offsets!.length === 1) counts = [h * rowBytes];
  if (!counts || counts.length < offsets!.length) fail(`${where} does not say how long its image data is`);
  for (let k = 0; k < offsets!.length; k++) {
    if (offsets![k]! + counts![k]! > bytes.length)
      fail(`the image data of ${where} runs past the end of the file (${bytes.length} bytes; cut off?)`);
  }
  if (tiled && (!first(ifd, 322) || !first(ifd, 323))) fail(`${where} has tiles without a size`);

  // Square pixels for OCR: rows are repeated or dropped to the horizontal resolution.
  const { x, y } = resolution(ifd);
  const ratio = x !== undefined && y !== undefined ? x / y : 1;
  const outputHeight = Math.abs(ratio - 1) > 0.02 && ratio > 0.25 && ratio < 4 ? Math.round(h * ratio) : h;
  if (w * outputHeight > MAX_RASTER_PIXELS)
    fail(`${where} is ${w} × ${outputHeight} pixels with square pixels, over the limit; not decoded`);
  return { page, width: w, height: h, outputHeight, dpi: pageDpi(w, outputHeight, x), compression, ifd };
}

/**
 * Every page's directory, checked, without decoding pixels: up to `maxPages` pages (the PDF
 * reader's limit), stopping where the chain loops back. Throws ImageReadError for a file that is not
 * a readable TIFF or has a page that must not be decoded.
 */
export function readTiffDirectory(bytes: Uint8Array, maxPages = DEFAULT_MAX_PAGES): TiffDirectory {
  if (bytes.length < 8) fail('the TIFF is cut off before its first directory');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const le = bytes[0] === 0x49;
  const magic = view.getUint16(2, le);
  if (magic === 43) fail('BigTIFF is not read; save the scan as a plain TIFF, PNG or PDF');
  if (magic !== 42) fail('not a TIFF file');
  const pages: TiffPage[] = [];
  const seen = new Set<number>();
  let offset = view.getUint32(4, le);
  let loops = false;
  let morePages = false;
  while (offset !== 0) {
    if (seen.has(offset)) {
      loops = true;
      break;
    }
    if (pages.length === maxPages) {
      morePages = true;
      break;
    }
    seen.add(offset);
    const page = pages.length + 1;
    if (offset + 2 > bytes.length)
      fail(`the directory of page ${page} lies past the end of the file (cut off?)`);
    const { ifd, nextOffset } = readTags(bytes, view, le, offset, page);
    pages.push(checkPage(bytes, ifd, page));
    offset = nextOffset;
  }
  if (pages.length === 0) fail('the TIFF has no pages');
  return { pages, morePages, loops };
}

/** Width × height from a JPEG's frame header (SOFn), read before decoding it; 0 if none is found. */
function jpegFrameSize(data: Uint8Array): number {
  let p = data[0] === 0xff && data[1] === 0xd8 ? 2 : 0;
  while (p + 9 < data.length) {
    if (data[p] !== 0xff) return 0;
    const marker = data[p + 1]!;
    if (marker === 0xda || marker === 0xd9) return 0;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return ((data[p + 5]! << 8) | data[p + 6]!) * ((data[p + 7]! << 8) | data[p + 8]!);
    p += 2 + ((data[p + 2]! << 8) | data[p + 3]!);
  }
  return 0;
}

/**
 * Whether every code of an LZW strip names an entry that exists, read exactly as utif2 reads them
 * (9–12 bits, early change, Clear 256, EOI 257). utif2 keeps its code table between calls: a code past
 * the next free entry reaches a stale entry from another strip, whose chain can loop for ever.
 */
function lzwCodesValid(data: Uint8Array): boolean {
  const end = data.length * 8;
  let pos = 0;
  let width = 9;
  let next = 258;
  const read = () => {
    const at = pos >>> 3;
    const window = ((data[at] ?? 0) << 16) | ((data[at + 1] ?? 0) << 8) | (data[at + 2] ?? 0);
    pos += width;
    return (window >>> (24 - ((pos - width) & 7) - width)) & ((1 << width) - 1);
  };
  while (pos < end) {
    let code = read();
    if (code === 257) return true;
    if (code === 256) {
      width = 9;
      next = 258;
      code = read();
      if (code === 257) return true;
      if (code > 257) return false;
      continue;
    }
    if (code > next) return false;
    next++;
    if (next + 1 === 1 << width && width !== 12) width++;
  }
  return true;
}

/**
 * Strips or tiles refused before utif2 sees them: Deflate or JPEG data that decodes to more than
 * its strip, LZW codes that name no entry.
 */
function refuseUnsafeData(bytes: Uint8Array, page: TiffPage): void {
  const { ifd, width, height } = page;
  const tiled = ifd.t322 !== undefined;
  const offsets = (tiled ? ifd.t324 : ifd.t273)!;
  const counts = (tiled ? ifd.t325 : ifd.t279) ?? [];
  const bitsPerPixel = (first(ifd, 258) ?? 1) * (first(ifd, 277) ?? 1);
  const rows = tiled ? first(ifd, 323)! : Math.min(first(ifd, 278) || height, height);
  const columns = tiled ? first(ifd, 322)! : width;
  const chunkBytes = Math.ceil((columns * bitsPerPixel) / 8) * rows;
  const where = `page ${page.page}`;
  for (let k = 0; k < offsets.length; k++) {
    const data = bytes.subarray(offsets[k]!, offsets[k]! + (counts[k] ?? 0));
    if ((page.compression === 8 || page.compression === 32946) && data.length > 6) {
      try {
        inflateRawSync(data.subarray(2, data.length - 4), { maxOutputLength: chunkBytes + 1024 });
      } catch (error) {
        // Other zlib complaints are left to utif2's inflater, which is more lenient.
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
          fail(
            `a Deflate strip of ${where} inflates past the page's ${width} × ${height} pixels; not decoded`,
          );
      }
    }
    if (page.compression === 5 && !lzwCodesValid(data))
      fail(`the LZW data of ${where} is corrupt (a code names no table entry); not decoded`);
    if (page.compression === 7 && jpegFrameSize(data) > (columns + 16) * (rows + 16))
      fail(`a JPEG strip of ${where} declares more pixels than the strip holds; not decoded`);
  }
  const tables = ifd.t347;
  if (page.compression === 7 && tables instanceof Uint8Array && jpegFrameSize(tables) > MAX_RASTER_PIXELS)
    fail(
      `the JPEG tables of ${where} declare more than ${MAX_RASTER_PIXELS / 1024 / 1024} megapixels; not decoded`,
    );
}

/** Grey from WhiteIsZero / BlackIsZero samples of 1–16 bits (utif2 leaves 16-bit samples little-endian). */
function greyFromSamples(data: Uint8Array, page: TiffPage): Uint8Array {
  const { width, height, ifd } = page;
  const bits = first(ifd, 258) ?? 1;
  const samples = first(ifd, 277) ?? 1;
  const whiteIsZero = first(ifd, 262) === 0;
  const rowBytes = Math.ceil((width * bits * samples) / 8);
  const max = (1 << Math.min(bits, 8)) - 1;
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = y * rowBytes;
    for (let x = 0; x < width; x++) {
      const bit = x * samples * bits;
      let v: number;
      if (bits === 8) v = data[row + x * samples] ?? 0;
      else if (bits === 16) v = data[row + x * samples * 2 + 1] ?? 0;
      else v = (((data[row + (bit >> 3)] ?? 0) >> (8 - bits - (bit & 7))) & max) * (255 / max);
      out[y * width + x] = whiteIsZero ? 255 - v : v;
    }
  }
  return out;
}

/** Rows repeated or dropped (nearest) to `outputHeight`: square pixels from a fax's 204 × 98 dpi. */
function squarePixels(grey: Uint8Array, page: TiffPage): Uint8Array {
  const { width, height, outputHeight } = page;
  if (outputHeight === height) return grey;
  const out = new Uint8Array(width * outputHeight);
  for (let y = 0; y < outputHeight; y++) {
    const from = Math.min(height - 1, Math.floor(((y + 0.5) * height) / outputHeight));
    out.set(grey.subarray(from * width, (from + 1) * width), y * width);
  }
  return out;
}

const copies = new WeakMap<Uint8Array, ArrayBuffer>();

/** utif2 reads offsets from the start of the ArrayBuffer it is given: the file's bytes alone (copied once). */
function wholeBuffer(bytes: Uint8Array): ArrayBuffer {
  if (
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength &&
    bytes.buffer instanceof ArrayBuffer
  )
    return bytes.buffer;
  let copy = copies.get(bytes);
  if (!copy) {
    copy = bytes.slice().buffer;
    copies.set(bytes, copy);
  }
  return copy;
}

/** One page's pixels; ImageReadError names the page and the compression when utif2 fails on it. */
export function decodeTiffPage(bytes: Uint8Array, page: TiffPage): GreyImage {
  refuseUnsafeData(bytes, page);
  const photometric = first(page.ifd, 262);
  // utif2's JPEG decoder always gives RGB: a grey JPEG page is declared RGB so its buffer fits.
  const rgbJpeg = page.compression === 7 && (photometric === 0 || photometric === 1);
  // A copy: utif2 adds the pixels to the object it is given and rewrites YCbCr to RGB in it.
  const ifd = {
    ...page.ifd,
    ...(rgbJpeg ? { t258: [8, 8, 8], t277: [3], t262: [2] } : { t262: [photometric] }),
  } as unknown as UTIF.IFD;
  let grey: Uint8Array;
  let stamp: Uint8Array | undefined;
  try {
    const buffer = wholeBuffer(bytes);
    const quiet = console.log;
    // utif2 prints the tile grid of tiled images to stdout; the CLI's output must stay clean.
    if (page.ifd.t322 !== undefined) console.log = () => {};
    lineLimit = 2 * Math.max(page.width, first(page.ifd, 322) ?? 0) + 4096;
    try {
      UTIF.decodeImage(buffer, ifd);
    } finally {
      console.log = quiet;
      lineLimit = Number.POSITIVE_INFINITY;
    }
    if (!ifd.data) throw new Error('no image data decoded');
    if (!rgbJpeg && (photometric === 0 || photometric === 1)) grey = greyFromSamples(ifd.data, page);
    else {
      const rgba = UTIF.toRGBA8(ifd);
      grey = greyFromRgba(rgba, page.width, page.height);
      stamp = stampFromRgba(rgba, page.width, page.height);
    }
  } catch (error) {
    fail(
      `page ${page.page} cannot be decoded (${COMPRESSION[page.compression]}): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return {
    width: page.width,
    height: page.outputHeight,
    pixels: squarePixels(grey!, page),
    dpi: page.dpi,
    ...(stamp ? { stamp: squarePixels(stamp, page) } : {}),
  };
}

/** Every page of a TIFF (up to `maxPages`), in order: for callers that want them all at once. */
export function decodeTiffPages(bytes: Uint8Array, maxPages = DEFAULT_MAX_PAGES): GreyImage[] {
  return readTiffDirectory(bytes, maxPages).pages.map((page) => decodeTiffPage(bytes, page));
}
