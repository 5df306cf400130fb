import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { multipartMixedResponse, parseStatementRequest, type RawAttachment } from './multipart-mixed.ts';
import { XapiError } from './xapi-errors.ts';

const statement = {
  actor: { mbox: 'mailto:ada@example.se' },
  verb: { id: 'http://adlnet.gov/expapi/verbs/answered' },
  object: { id: 'http://example.com/multipart' },
};
const text = Buffer.from('here is a simple attachment');
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const BOUNDARY = '-------314159265358979323846';
const MIXED = `multipart/mixed; boundary=${BOUNDARY}`;

type PartSpec = { headers: string[]; content: Buffer | string };

/** A multipart body the way the conformance suite writes one: CRLF, "--boundary", close with "--". */
function body(parts: PartSpec[], boundary = BOUNDARY, { preamble = '', epilogue = '\r\n' } = {}): Buffer {
  const chunks: Buffer[] = [Buffer.from(preamble)];
  for (const p of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n${p.headers.join('\r\n')}\r\n\r\n`));
    chunks.push(Buffer.from(p.content), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--${epilogue}`));
  return Buffer.concat(chunks);
}

const jsonPart = (json: unknown = statement): PartSpec => ({
  headers: ['Content-Type: application/json'],
  content: JSON.stringify(json),
});
const attachmentPart = (content: Buffer, hash = sha256(content)): PartSpec => ({
  headers: [
    'Content-Type: text/plain',
    'Content-Transfer-Encoding: binary',
    `X-Experience-API-Hash: ${hash}`,
  ],
  content,
});

function refusal(contentType: string | undefined, raw: Buffer | undefined): XapiError {
  try {
    parseStatementRequest(contentType, raw);
  } catch (err) {
    if (err instanceof XapiError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('parseStatementRequest: application/json', () => {
  it('reads the JSON body, with or without a charset, and has no attachments', () => {
    const raw = Buffer.from(JSON.stringify([statement]));
    expect(parseStatementRequest('application/json', raw)).toEqual({ json: [statement], attachments: [] });
    expect(parseStatementRequest('Application/JSON; charset=utf-8', raw).json).toEqual([statement]);
  });

  it('refuses unparsable JSON, an empty body and other content types with 400', () => {
    expect(refusal('application/json', Buffer.from('{"actor":')).status).toBe(400);
    expect(refusal('application/json', Buffer.alloc(0)).message).toMatch(/no body/);
    expect(refusal('application/json', undefined).status).toBe(400);
    expect(refusal(undefined, Buffer.from('{}')).status).toBe(400);
    expect(refusal('text/plain', Buffer.from('{}')).status).toBe(400);
    // XAPI-00127: multipart/form-data is a 400, not a 415.
    const form = refusal(`multipart/form-data; boundary=${BOUNDARY}`, body([jsonPart()]));
    expect(form.status).toBe(400);
    expect(form.message).toMatch(/multipart\/form-data/);
  });
});

describe('parseStatementRequest: multipart/mixed framing', () => {
  it('reads the statements and an attachment named by its hash', () => {
    const result = parseStatementRequest(MIXED, body([jsonPart(), attachmentPart(text)]));
    expect(result.json).toEqual(statement);
    expect(result.attachments).toEqual([{ sha2: sha256(text), contentType: 'text/plain', content: text }]);
  });

  it('accepts a multipart request without attachments', () => {
    expect(parseStatementRequest(MIXED, body([jsonPart()]))).toEqual({ json: statement, attachments: [] });
  });

  it("reads the specification's example: a quoted boundary, headers without a space, a leading CRLF", () => {
    const boundary = "abcABC0123'()+_,-./:=?";
    const raw = Buffer.from(
      `\r\n--${boundary}\r\nContent-Type:application/json\r\n\r\n${JSON.stringify(statement)}\r\n` +
        `--${boundary}\r\nContent-Type:text/plain\r\nContent-Transfer-Encoding:binary\r\n` +
        `X-Experience-API-Hash:${sha256(text)}\r\n\r\n${text}\r\n--${boundary}--`,
    );
    const result = parseStatementRequest(`multipart/mixed; boundary="${boundary}"`, raw);
    expect(result.json).toEqual(statement);
    expect(result.attachments[0]?.content).toEqual(text);
  });

  it('reads a body framed with bare LF, like a .part template checked out without CRLF', () => {
    const raw = Buffer.from(
      `--${BOUNDARY}\nContent-Type: application/json\n\n${JSON.stringify(statement)}\n--${BOUNDARY}\n` +
        'Content-Disposition: attachment; filename="text_data.txt"\nContent-Type: text/plain\n' +
        `Content-Transfer-Encoding: binary\nX-Experience-API-Hash: ${sha256(text)}\n\n${text}\n--${BOUNDARY}--\n`,
    );
    const result = parseStatementRequest(MIXED, raw);
    expect(result.json).toEqual(statement);
    expect(result.attachments[0]?.content).toEqual(text);
  });

  it('skips a preamble and an epilogue', () => {
    const raw = body([jsonPart(), attachmentPart(text)], BOUNDARY, {
      preamble: 'This is the preamble.\r\n',
      epilogue: '\r\nThis is the epilogue, with --not-a-boundary.\r\n',
    });
    expect(parseStatementRequest(MIXED, raw).attachments).toHaveLength(1);
  });

  it('keeps binary content byte for byte, with CRLF, "--" and boundary-like text inside', () => {
    const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const tricky = Buffer.concat([
      Buffer.from(`\r\n--\r\n\r\n--${BOUNDARY}X\r\n--${BOUNDARY}-- not the end\r\n`),
      all,
      Buffer.from('\r\n'),
    ]);
    const result = parseStatementRequest(MIXED, body([jsonPart(), attachmentPart(tricky)]));
    expect(result.attachments[0]?.content.equals(tricky)).toBe(true);
  });

  it('tolerates white space after a delimiter and lowercases an upper-case hash', () => {
    const hash = sha256(text).toUpperCase();
    const raw = Buffer.from(
      `--${BOUNDARY}  \r\nContent-Type: application/json\r\n\r\n{}\r\n--${BOUNDARY}\r\n` +
        `content-type: text/plain\r\ncontent-transfer-encoding: BINARY\r\nx-experience-api-hash: ${hash}\r\n\r\n` +
        `${text}\r\n--${BOUNDARY}--`,
    );
    expect(parseStatementRequest(MIXED, raw).attachments[0]?.sha2).toBe(sha256(text));
  });

  it('checks SHA-384 and SHA-512 hashes by their length', () => {
    for (const algorithm of ['sha384', 'sha512']) {
      const hash = createHash(algorithm).update(text).digest('hex');
      const result = parseStatementRequest(MIXED, body([jsonPart(), attachmentPart(text, hash)]));
      expect(result.attachments[0]?.sha2).toBe(hash);
    }
  });

  it('refuses a part whose content does not match its hash', () => {
    const wrong = 'b018994f8bbe0f08992a65c48c8c8c56f09e9baceaa6227ed85c90ae52b73c89';
    const err = refusal(MIXED, body([jsonPart(), attachmentPart(text, wrong)]));
    expect(err.status).toBe(400);
    expect(err.message).toMatch(/does not match/);
    expect(refusal(MIXED, body([jsonPart(), attachmentPart(text, 'abc123')])).message).toMatch(/SHA-2/);
  });

  it('refuses an attachment part without X-Experience-API-Hash or without binary transfer encoding', () => {
    const noHash = {
      headers: ['Content-Type: text/plain', 'Content-Transfer-Encoding: binary'],
      content: text,
    };
    expect(refusal(MIXED, body([jsonPart(), noHash])).message).toMatch(/X-Experience-API-Hash/);
    const noEncoding = {
      headers: ['Content-Type: text/plain', `X-Experience-API-Hash: ${sha256(text)}`],
      content: text,
    };
    expect(refusal(MIXED, body([jsonPart(), noEncoding])).message).toMatch(/Content-Transfer-Encoding/);
    const base64 = attachmentPart(text);
    base64.headers[1] = 'Content-Transfer-Encoding: base64';
    expect(refusal(MIXED, body([jsonPart(), base64])).message).toMatch(/base64/);
  });

  it('refuses a first part that is not application/json, and statements split over two parts', () => {
    const asText = { headers: ['Content-Type: text/plain'], content: JSON.stringify(statement) };
    expect(refusal(MIXED, body([asText, attachmentPart(text)])).message).toMatch(/first part/);
    expect(refusal(MIXED, body([attachmentPart(text), jsonPart()])).message).toMatch(/first part/);
    expect(refusal(MIXED, body([jsonPart(), jsonPart(), attachmentPart(text)])).status).toBe(400);
    const bare = { headers: [], content: JSON.stringify(statement) };
    expect(refusal(MIXED, body([bare])).status).toBe(400);
  });

  it('refuses an unparsable JSON part', () => {
    const broken = { headers: ['Content-Type: application/json'], content: "{'actor': 1}" };
    expect(refusal(MIXED, body([broken])).message).toMatch(/not valid JSON/);
  });

  it('refuses a missing boundary parameter, a body without the boundary and an unclosed body', () => {
    expect(refusal('multipart/mixed;', body([jsonPart()])).message).toMatch(/boundary parameter/);
    expect(refusal('multipart/mixed; boundary=""', body([jsonPart()])).status).toBe(400);
    const noDelimiter = Buffer.from(`Content-Type: application/json\r\n\r\n${JSON.stringify(statement)}\r\n`);
    expect(refusal(MIXED, noDelimiter).message).toMatch(/does not contain its boundary/);
    const unclosed = Buffer.from(`--${BOUNDARY}\r\nContent-Type: application/json\r\n\r\n{}\r\n`);
    expect(refusal(MIXED, unclosed).message).toMatch(/closing boundary/);
    expect(refusal(MIXED, Buffer.alloc(0)).status).toBe(400);
  });

  it('refuses a part whose headers never end', () => {
    const raw = Buffer.from(`--${BOUNDARY}\r\nContent-Type: application/json\r\n--${BOUNDARY}--`);
    expect(refusal(MIXED, raw).message).toMatch(/blank line/);
  });

  it('refuses more than 100 parts', () => {
    const parts = [jsonPart(), ...Array.from({ length: 100 }, () => attachmentPart(text))];
    expect(refusal(MIXED, body(parts)).message).toMatch(/at most 100/);
    expect(parseStatementRequest(MIXED, body(parts.slice(0, 100))).attachments).toHaveLength(99);
  });
});

describe('multipartMixedResponse', () => {
  const image = Buffer.concat([
    Buffer.from([0xff, 0xd8, 0x0d, 0x0a, 0x2d, 0x2d]),
    Buffer.from('\r\n--x--\r\n'),
  ]);
  const attachments: RawAttachment[] = [
    { sha2: sha256(text), contentType: 'text/plain; charset=ascii', content: text },
    { sha2: sha256(image).toUpperCase(), contentType: 'image/jpeg', content: image },
  ];
  const result = { statements: [statement], more: '' };

  it('round-trips through parseStatementRequest', () => {
    const answer = multipartMixedResponse(result, attachments);
    const parsed = parseStatementRequest(answer.contentType, answer.body);
    expect(parsed.json).toEqual(result);
    expect(parsed.attachments.map((a) => [a.sha2, a.contentType])).toEqual([
      [sha256(text), 'text/plain; charset=ascii'],
      [sha256(image), 'image/jpeg'],
    ]);
    expect(parsed.attachments[1]?.content.equals(image)).toBe(true);
  });

  it('frames the answer the way the conformance suite reads it', () => {
    const answer = multipartMixedResponse(result, attachments);
    const boundary = /^multipart\/mixed; boundary=([0-9a-z]+)$/.exec(answer.contentType)?.[1] ?? '';
    expect(boundary).not.toBe('');
    const raw = answer.body.toString('latin1');
    expect(raw.startsWith(`--${boundary}\r\nContent-Type: application/json\r\n\r\n{`)).toBe(true);
    expect(raw).toContain(
      `\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: ${sha256(image)}\r\n`,
    );
    expect(raw.endsWith(`\r\n--${boundary}--\r\n`)).toBe(true);
    expect(raw.split(boundary)).toHaveLength(5); // three parts, then the close delimiter
  });

  it('sends an attachment used twice once, and uses a new boundary each time', () => {
    const first = attachments[0] as RawAttachment;
    const answer = multipartMixedResponse(result, [first, { ...first }]);
    expect(parseStatementRequest(answer.contentType, answer.body).attachments).toHaveLength(1);
    expect(multipartMixedResponse(result, []).contentType).not.toBe(answer.contentType);
  });

  it('keeps line breaks in a stored content type out of the headers', () => {
    const forged = { ...attachments[0], contentType: 'text/plain\r\nX-Evil: 1' } as RawAttachment;
    const answer = multipartMixedResponse(result, [forged]);
    expect(answer.body.toString('latin1')).not.toContain('\r\nX-Evil');
  });
});
