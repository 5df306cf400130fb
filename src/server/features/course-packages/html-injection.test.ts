import { describe, expect, it } from 'vitest';
import { injectedEtag, injectRuntime, RUNTIME_SCRIPTS } from './html-injection.ts';

const S = '<s/>';
const inject = (html: string) => injectRuntime(Buffer.from(html, 'utf8'), S).toString('utf8');

describe('injectRuntime', () => {
  it('puts the scripts first inside <head>, after the doctype', () => {
    expect(
      inject('<!DOCTYPE html>\n<html lang="sv">\n<head><title>Kurs</title></head><body></body></html>'),
    ).toBe(`<!DOCTYPE html>\n<html lang="sv">\n<head>${S}<title>Kurs</title></head><body></body></html>`);
    expect(inject('<html><head><script src="a.js"></script></head></html>')).toBe(
      `<html><head>${S}<script src="a.js"></script></head></html>`,
    );
  });

  it('finds <HEAD> in upper case and with attributes, even a quoted ">"', () => {
    expect(inject('<HTML>\r\n<HEAD lang="sv" data-x=\'a>b\'>\r\n<TITLE>x</TITLE>')).toBe(
      `<HTML>\r\n<HEAD lang="sv" data-x='a>b'>${S}\r\n<TITLE>x</TITLE>`,
    );
    expect(inject('<html><head\n>x')).toBe(`<html><head\n>${S}x`);
  });

  it('keeps a UTF-8 byte-order mark and the doctype first', () => {
    const out = injectRuntime(Buffer.from('\ufeff<!doctype html><head></head>', 'utf8'), S);
    expect(out.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(out.toString('utf8')).toBe(`\ufeff<!doctype html><head>${S}</head>`);
  });

  it('inserts before the first content when there is no <head>', () => {
    expect(inject('<!DOCTYPE html><html><body><p>Hej</p></body></html>')).toBe(
      `<!DOCTYPE html><html>${S}<body><p>Hej</p></body></html>`,
    );
    expect(inject('<script>var a = 1;</script><p>x</p>')).toBe(`${S}<script>var a = 1;</script><p>x</p>`);
    expect(inject('Bara text')).toBe(`${S}Bara text`);
    expect(inject('')).toBe(S);
    expect(inject('<!DOCTYPE html>')).toBe(`<!DOCTYPE html>${S}`);
  });

  it('skips a <head> inside a comment before the real one, and <header> is no head', () => {
    expect(inject('<!DOCTYPE html><!-- <head> old --><html><head><title>t</title>')).toBe(
      `<!DOCTYPE html><!-- <head> old --><html><head>${S}<title>t</title>`,
    );
    expect(inject('<html><header>x</header><head></head>')).toBe(`<html>${S}<header>x</header><head></head>`);
    expect(inject('<!-- never closed <head>')).toBe(`${S}<!-- never closed <head>`);
  });

  it('ignores a <head> written by a script further down', () => {
    const html = '<html><body><script>document.write("<head>")</script>';
    expect(inject(html)).toBe(`<html>${S}<body><script>document.write("<head>")</script>`);
  });

  it('keeps the rest of a legacy single-byte file byte for byte', () => {
    const latin1 = Buffer.from('<?xml version="1.0"?><html><head><title>Hälsa</title>', 'latin1');
    expect(injectRuntime(latin1, S).toString('latin1')).toBe(
      `<?xml version="1.0"?><html><head>${S}<title>Hälsa</title>`,
    );
  });

  it('injects into UTF-16 files in their own encoding', () => {
    const le = Buffer.from('\ufeff<html><head>å', 'utf16le');
    expect(injectRuntime(le, S).toString('utf16le')).toBe(`\ufeff<html><head>${S}å`);
    const be = Buffer.from(le).swap16();
    expect(Buffer.from(injectRuntime(be, S)).swap16().toString('utf16le')).toBe(`\ufeff<html><head>${S}å`);
  });

  it('injects the runtime scripts once by default', () => {
    const out = injectRuntime(Buffer.from('<head></head>')).toString('utf8');
    expect(out).toBe(`<head>${RUNTIME_SCRIPTS}</head>`);
    expect(out.split('/content-runtime/bridge.js').length).toBe(2);
  });
});

describe('injectedEtag', () => {
  it('marks the revision inside the quotes', () => {
    expect(injectedEtag('"abc"')).toBe('"abc-r1"');
    expect(injectedEtag('abc')).toBe('"abc-r1"');
  });
});
