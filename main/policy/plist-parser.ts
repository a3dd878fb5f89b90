// A strict reader for XML property lists, enough for managed preferences: dict, array, string,
// integer, real, true, false, date, data. A DOCTYPE with an internal subset (the door to entity
// expansion attacks) is refused, and nesting is bounded.
export class PlistError extends Error {
  override name = 'PlistError';
}

type Token = { kind: 'open' | 'close' | 'empty'; name: string } | { kind: 'text'; text: string };

const maximumDepth = 32;

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|lt|gt|amp|quot|apos);/gi, (_match, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower === 'lt') return '<';
    if (lower === 'gt') return '>';
    if (lower === 'amp') return '&';
    if (lower === 'quot') return '"';
    if (lower === 'apos') return "'";
    const code = lower.startsWith('#x') ? Number.parseInt(lower.slice(2), 16) : Number.parseInt(lower.slice(1), 10);
    if (!Number.isInteger(code) || code < 0 || code > 0x10ffff) throw new PlistError(`bad character reference &${entity};`);
    return String.fromCodePoint(code);
  });
}

function tokenize(xml: string): Token[] {
  const body = xml
    .replace(/^\uFEFF/, '')
    .replace(/<\?xml[\s\S]*?\?>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '');
  const doctype = /<!DOCTYPE[^>[]*(\[)?[^>]*>/i.exec(body);
  if (doctype?.[1]) throw new PlistError('DOCTYPE with an internal subset is refused');
  const withoutDoctype = body.replace(/<!DOCTYPE[^>]*>/i, '');
  const tokens: Token[] = [];
  const pattern = /<(\/?)([A-Za-z]+)(?:\s[^>]*?)?(\/?)>|([^<]+)/g;
  let consumed = 0;
  for (let match = pattern.exec(withoutDoctype); match; match = pattern.exec(withoutDoctype)) {
    if (match.index !== consumed) throw new PlistError('unexpected markup');
    consumed = pattern.lastIndex;
    const [, closing, name, selfClosing, text] = match;
    if (text !== undefined) {
      tokens.push({ kind: 'text', text });
    } else if (closing) {
      tokens.push({ kind: 'close', name: name ?? '' });
    } else {
      tokens.push({ kind: selfClosing ? 'empty' : 'open', name: name ?? '' });
    }
  }
  if (consumed !== withoutDoctype.length) throw new PlistError('unexpected markup');
  return tokens;
}

class Parser {
  private position = 0;
  constructor(private readonly tokens: Token[]) {}

  private next(): Token | undefined {
    return this.tokens[this.position++];
  }

  private skipBlank(): void {
    while (true) {
      const token = this.tokens[this.position];
      if (token?.kind === 'text' && token.text.trim() === '') this.position += 1;
      else return;
    }
  }

  /** The text content up to `</name>`, entities decoded. */
  private textUntilClose(name: string): string {
    let text = '';
    for (let token = this.next(); ; token = this.next()) {
      if (!token) throw new PlistError(`unclosed <${name}>`);
      if (token.kind === 'text') text += token.text;
      else if (token.kind === 'close' && token.name === name) return decodeEntities(text);
      else throw new PlistError(`unexpected <${token.name}> in <${name}>`);
    }
  }

  parseDocument(): unknown {
    this.skipBlank();
    const open = this.next();
    if (!open || open.kind !== 'open' || open.name !== 'plist') throw new PlistError('missing <plist>');
    this.skipBlank();
    const value = this.parseValue(0);
    this.skipBlank();
    const close = this.next();
    if (!close || close.kind !== 'close' || close.name !== 'plist') throw new PlistError('missing </plist>');
    this.skipBlank();
    if (this.position !== this.tokens.length) throw new PlistError('content after </plist>');
    return value;
  }

  private parseValue(depth: number): unknown {
    if (depth > maximumDepth) throw new PlistError('nesting too deep');
    const token = this.next();
    if (!token || token.kind === 'text' || token.kind === 'close') throw new PlistError('value expected');
    const { name } = token;
    if (token.kind === 'empty') {
      if (name === 'true') return true;
      if (name === 'false') return false;
      if (name === 'string') return '';
      if (name === 'dict') return {};
      if (name === 'array') return [];
      throw new PlistError(`unexpected <${name}/>`);
    }
    switch (name) {
      case 'string':
        return this.textUntilClose(name);
      case 'integer': {
        const text = this.textUntilClose(name).trim();
        if (!/^[+-]?\d{1,16}$/.test(text)) throw new PlistError(`bad integer ${text.slice(0, 20)}`);
        return Number.parseInt(text, 10);
      }
      case 'real': {
        const number = Number(this.textUntilClose(name).trim());
        if (!Number.isFinite(number)) throw new PlistError('bad real');
        return number;
      }
      case 'date':
        return this.textUntilClose(name).trim();
      case 'data':
        return Buffer.from(this.textUntilClose(name).replace(/\s+/g, ''), 'base64');
      case 'true':
      case 'false':
        this.textUntilClose(name);
        return name === 'true';
      case 'array':
        return this.parseArray(depth);
      case 'dict':
        return this.parseDict(depth);
      default:
        throw new PlistError(`unknown element <${name}>`);
    }
  }

  private parseArray(depth: number): unknown[] {
    const items: unknown[] = [];
    while (true) {
      this.skipBlank();
      const token = this.tokens[this.position];
      if (token?.kind === 'close' && token.name === 'array') {
        this.position += 1;
        return items;
      }
      items.push(this.parseValue(depth + 1));
    }
  }

  private parseDict(depth: number): Record<string, unknown> {
    const dictionary: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    while (true) {
      this.skipBlank();
      const token = this.next();
      if (token?.kind === 'close' && token.name === 'dict') return { ...dictionary };
      if (token?.kind !== 'open' || token.name !== 'key') throw new PlistError('<key> expected in <dict>');
      const key = this.textUntilClose('key');
      this.skipBlank();
      dictionary[key] = this.parseValue(depth + 1);
    }
  }
}

/** Parses an XML property list; throws PlistError on anything else. */
export function parseXmlPlist(xml: string): unknown {
  return new Parser(tokenize(xml)).parseDocument();
}

export function isBinaryPlist(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 8)).toString('latin1') === 'bplist00';
}
