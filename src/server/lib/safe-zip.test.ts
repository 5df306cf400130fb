import { randomBytes } from 'node:crypto';
import { type Zippable, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { looksLikeZip, PACKAGE_ZIP_LIMITS, readZip, ZipRefusal, type ZipRefusalCode } from './safe-zip.ts';

const MiB = 1024 * 1024;
const text = (value: string) => new TextEncoder().encode(value);
const zip = (files: Zippable) => Buffer.from(zipSync(files));

interface Located {
  name: string;
  central: number;
  local: number;
}

/** The central directory records of a zip fflate made (no zip64, no archive comment). */
function locate(archive: Buffer): Located[] {
  const end = archive.length - 22;
  expect(archive.readUInt32LE(end)).toBe(0x06054b50);
  const found: Located[] = [];
  let at = archive.readUInt32LE(end + 16);
  for (let i = 0; i < archive.readUInt16LE(end + 10); i++) {
    const nameLength = archive.readUInt16LE(at + 28);
    const name = archive.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    found.push({ name, central: at, local: archive.readUInt32LE(at + 42) });
    at += 46 + nameLength + archive.readUInt16LE(at + 30) + archive.readUInt16LE(at + 32);
  }
  return found;
}

interface Patch {
  /** A new name of the same byte length, written into both headers. */
  name?: string | Buffer;
  /** General purpose flag bits to set in both headers. */
  setFlags?: number;
  /** A declared uncompressed size to write into both headers. */
  declaredSize?: number;
}

/** Rewrites fields of one entry in place, for what fflate will not write: lies and hostile names. */
function patch(archive: Buffer, entryName: string, change: Patch): Buffer {
  const copy = Buffer.from(archive);
  const entry = locate(copy).find((candidate) => candidate.name === entryName);
  if (!entry) throw new Error(`no entry ${entryName}`);
  if (change.name !== undefined) {
    const bytes = Buffer.from(change.name);
    expect(bytes.length).toBe(Buffer.byteLength(entryName));
    bytes.copy(copy, entry.central + 46);
    bytes.copy(copy, entry.local + 30);
  }
  if (change.setFlags !== undefined) {
    copy.writeUInt16LE(copy.readUInt16LE(entry.central + 8) | change.setFlags, entry.central + 8);
    copy.writeUInt16LE(copy.readUInt16LE(entry.local + 6) | change.setFlags, entry.local + 6);
  }
  if (change.declaredSize !== undefined) {
    copy.writeUInt32LE(change.declaredSize, entry.central + 24);
    copy.writeUInt32LE(change.declaredSize, entry.local + 22);
  }
  return copy;
}

async function refusal(content: Buffer, limits = PACKAGE_ZIP_LIMITS): Promise<ZipRefusal> {
  try {
    await readZip(content, limits);
  } catch (error) {
    if (error instanceof ZipRefusal) return error;
    throw error;
  }
  throw new Error('the zip was accepted');
}

async function expectRefused(content: Buffer, code: ZipRefusalCode, limits = PACKAGE_ZIP_LIMITS) {
  const error = await refusal(content, limits);
  expect(error.code).toBe(code);
  return error;
}

describe('readZip', () => {
  it('reads a nested package byte for byte, leaving out folders and macOS junk', async () => {
    const manifest = text('<?xml version="1.0"?><manifest identifier="kurs"/>');
    const image = randomBytes(200_000);
    const script = text('var a = 1;\n'.repeat(30_000));
    const archive = zip({
      'imsmanifest.xml': manifest,
      story_content: { 'user.js': script, 'bilder/': {}, bilder: { 'åäö bild.png': [image, { level: 0 }] } },
      'tom mapp': {},
      __MACOSX: { story_content: { '._user.js': text('resource fork') } },
      '.DS_Store': text('finder'),
      mobile: { '.DS_Store': text('finder') },
    });
    const files = await readZip(archive);
    expect([...files.keys()].sort()).toEqual([
      'imsmanifest.xml',
      'story_content/bilder/åäö bild.png',
      'story_content/user.js',
    ]);
    expect(files.get('imsmanifest.xml')?.equals(manifest)).toBe(true);
    expect(files.get('story_content/user.js')?.equals(script)).toBe(true);
    expect(files.get('story_content/bilder/åäö bild.png')?.equals(image)).toBe(true);
  });

  it('gives an empty map for an empty zip', async () => {
    const files = await readZip(zip({}));
    expect(files.size).toBe(0);
  });

  it('turns Windows backslashes into slashes and strips a leading ./', async () => {
    const archive = patch(zip({ 'kurs/a.txt': text('a'), 'x/b.txt': text('b') }), 'kurs/a.txt', {
      name: 'kurs\\a.txt',
    });
    const dotted = zip({ './c.txt': text('c') });
    expect([...(await readZip(archive)).keys()].sort()).toEqual(['kurs/a.txt', 'x/b.txt']);
    expect([...(await readZip(dotted)).keys()]).toEqual(['c.txt']);
  });

  it('refuses a zip over the size limit before parsing it', async () => {
    const limits = { ...PACKAGE_ZIP_LIMITS, maxZipBytes: 200 };
    await expectRefused(Buffer.alloc(201), 'zip_too_large', limits);
    const error = await expectRefused(zip({ 'a.txt': randomBytes(200) }), 'zip_too_large', limits);
    expect(error.message).toBe('The package is larger than 200 bytes.');
    await expect(readZip(zip({ 'a.txt': text('a') }), limits)).resolves.toHaveProperty('size', 1);
  });

  it('refuses what is not a zip, or a damaged or truncated one', async () => {
    const good = zip({ 'a.txt': text('hello '.repeat(1000)), 'b.txt': text('world') });
    await expectRefused(Buffer.from('<?xml version="1.0"?><manifest/>'), 'zip_unreadable');
    await expectRefused(Buffer.alloc(0), 'zip_unreadable');
    await expectRefused(good.subarray(0, good.length - 10), 'zip_unreadable');
    await expectRefused(good.subarray(0, good.length / 2), 'zip_unreadable');
    const [first] = locate(good);
    const badCentral = Buffer.from(good);
    badCentral.writeUInt32LE(0x12345678, first?.central ?? 0);
    await expectRefused(badCentral, 'zip_unreadable');
    const badData = Buffer.from(good);
    badData[38] = (badData[38] ?? 0) ^ 0xff;
    await expectRefused(badData, 'zip_unreadable');
  });

  it('refuses a damaged stored file through its CRC', async () => {
    const good = zip({ 'a.txt': [text('stored text'), { level: 0 }] });
    const bad = Buffer.from(good);
    bad[30 + 'a.txt'.length] = 0x53;
    const error = await expectRefused(bad, 'zip_unreadable');
    expect(error.entry).toBe('a.txt');
  });

  it('refuses encrypted entries', async () => {
    const archive = patch(zip({ 'a.txt': text('a'), 'b.txt': text('b') }), 'b.txt', { setFlags: 0x1 });
    const error = await expectRefused(archive, 'zip_encrypted');
    expect(error.entry).toBe('b.txt');
    const strong = patch(zip({ 'a.txt': text('a') }), 'a.txt', { setFlags: 0x41 });
    await expectRefused(strong, 'zip_encrypted');
  });

  it.each([
    ['/etc/passwd', '_etc_passwd', '/etc/passwd'],
    ['C:/x.txt', 'C__x.txt', 'C:/x.txt'],
    ['C:x.txt', 'C_x.txt', 'C:x.txt'],
    ['C:\\x.txt', 'C__x.txt', 'C:/x.txt'],
    ['../evil.js', '___evil.js', '../evil.js'],
    ['a/../../x', 'a_______x', 'a/../../x'],
    ['a\\..\\..\\x', 'a_______x', 'a/../../x'],
    ['\\\\server\\x', '__server_x', '//server/x'],
    ['a\u0000.js', 'a_.js', 'a\u0000.js'],
    ['a\u0001.js', 'a_.js', null],
    ['a\u001b.js', 'a_.js', null],
  ])('refuses the unsafe path %j, naming it', async (hostile, placeholder, named) => {
    const archive = patch(zip({ 'ok.txt': text('ok'), [placeholder]: text('x') }), placeholder, {
      name: hostile,
    });
    const error = await expectRefused(archive, 'zip_unsafe_path');
    // yauzl decodes a non-UTF-8 name as CP437, where bytes 1–31 are symbols; the raw bytes still count.
    if (named !== null) expect(error.entry).toBe(named);
    expect(error.message).toContain('unsafe path');
  });

  it('refuses symbolic links made on Unix, but not Unix files or Windows attributes', async () => {
    const link = zip({
      'index.html': text('x'),
      lnk: [text('/etc/passwd'), { os: 3, attrs: 0o120777 << 16 }],
    });
    const error = await expectRefused(link, 'zip_symlink');
    expect(error.entry).toBe('lnk');
    const unixFile = zip({ 'run.sh': [text('#!/bin/sh'), { os: 3, attrs: 0o100755 << 16 }] });
    expect((await readZip(unixFile)).size).toBe(1);
    const dosLookalike = zip({ 'x.txt': [text('x'), { os: 0, attrs: 0o120777 << 16 }] });
    expect((await readZip(dosLookalike)).size).toBe(1);
  });

  it('refuses more entries than allowed, counted before inflating', async () => {
    const many: Zippable = {};
    for (let i = 0; i < 6000; i++) many[`f/${i}.txt`] = text(String(i));
    const error = await expectRefused(zip(many), 'zip_too_many_entries');
    expect(error.message).toBe('The package has more than 5,000 files and folders.');
    const small = { ...PACKAGE_ZIP_LIMITS, maxEntries: 2 };
    await expectRefused(
      zip({ 'a/': {}, 'a/b.txt': text('b'), 'c.txt': text('c') }),
      'zip_too_many_entries',
      small,
    );
    expect((await readZip(zip({ 'a/b.txt': text('b'), 'c.txt': text('c') }), small)).size).toBe(2);
  });

  it('refuses declared sizes over the limits before inflating', async () => {
    // 1 MiB of noise each, so that 90 MiB declared stays under the 100:1 ratio.
    let total: Buffer = zip({
      'a.bin': randomBytes(MiB),
      'b.bin': randomBytes(MiB),
      'c.bin': randomBytes(MiB),
    });
    for (const name of ['a.bin', 'b.bin', 'c.bin']) total = patch(total, name, { declaredSize: 90 * MiB });
    const error = await expectRefused(total, 'zip_unpacked_too_large');
    expect(error.message).toBe('The package unpacks to more than 250 MiB.');
    const one = patch(zip({ 'video.mp4': text('v') }), 'video.mp4', { declaredSize: 101 * MiB });
    const big = await expectRefused(one, 'zip_unpacked_too_large');
    expect(big.message).toBe('The file "video.mp4" unpacks to more than 100 MiB.');
    expect(big.entry).toBe('video.mp4');
  });

  it('applies a small custom limit object to real sizes', async () => {
    const limits = {
      maxZipBytes: 10_000,
      maxEntries: 10,
      maxUnpackedBytes: 3000,
      maxFileBytes: 2000,
      maxRatio: 5,
    };
    const pair = zip({ 'a.bin': randomBytes(1500), 'b.bin': randomBytes(1600) });
    const error = await expectRefused(pair, 'zip_unpacked_too_large', limits);
    expect(error.message).toBe('The package unpacks to more than 2.9 KiB.');
    await expectRefused(zip({ 'a.bin': randomBytes(2001) }), 'zip_unpacked_too_large', limits);
    expect((await readZip(zip({ 'a.bin': randomBytes(2000) }), limits)).get('a.bin')).toHaveLength(2000);
  });

  it('refuses a big entry compressed past the ratio limit, and keeps a small or incompressible one', async () => {
    const error = await expectRefused(zip({ 'zeros.bin': new Uint8Array(2 * MiB) }), 'zip_bomb');
    expect(error.entry).toBe('zeros.bin');
    expect(error.message).toContain('100:1');
    expect((await readZip(zip({ 'zeros.bin': new Uint8Array(MiB) }))).get('zeros.bin')).toHaveLength(MiB);
    expect((await readZip(zip({ 'noise.bin': randomBytes(2 * MiB) }))).get('noise.bin')).toHaveLength(
      2 * MiB,
    );
  });

  it('refuses an entry that inflates past its declared size', async () => {
    const archive = patch(zip({ 'ok.txt': text('ok'), 'lie.bin': new Uint8Array(500_000) }), 'lie.bin', {
      declaredSize: 1000,
    });
    const error = await expectRefused(archive, 'zip_bomb');
    expect(error.entry).toBe('lie.bin');
  });

  it('refuses two entries with the same normalised path, but not ones differing in case', async () => {
    const twice = patch(zip({ 'a.txt': text('1'), 'b.txt': text('2') }), 'b.txt', { name: 'a.txt' });
    const error = await expectRefused(twice, 'zip_duplicate_path');
    expect(error.message).toBe('The package contains "a.txt" twice.');
    const slashes = patch(zip({ 'd/a.txt': text('1'), 'd_a.txt': text('2') }), 'd_a.txt', {
      name: 'd\\a.txt',
    });
    await expectRefused(slashes, 'zip_duplicate_path');
    await expectRefused(zip({ 'a.txt': text('1'), './a.txt': text('2') }), 'zip_duplicate_path');
    expect((await readZip(zip({ 'A.txt': text('1'), 'a.txt': text('2') }))).size).toBe(2);
  });
});

describe('looksLikeZip', () => {
  it('tells a zip, even an empty one, from XML and short buffers', () => {
    expect(looksLikeZip(zip({ 'a.txt': text('a') }))).toBe(true);
    expect(looksLikeZip(zip({}))).toBe(true);
    expect(looksLikeZip(Buffer.from('<?xml version="1.0"?><courseStructure/>'))).toBe(false);
    expect(looksLikeZip(Buffer.from('PK'))).toBe(false);
    expect(looksLikeZip(Buffer.alloc(0))).toBe(false);
  });
});
