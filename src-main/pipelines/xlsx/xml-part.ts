import { SaxesParser } from 'saxes';
import { AppError } from '../../../src-shared/errors';
import { XmlGuard } from './xml-guard';

/**
 * One XML part of a workbook, parsed as it inflates: memory stays at a chunk, the parser's
 * state and what the handler keeps, whatever the part's size. Element names come without
 * their prefix (`x:row` is `row`), as strict OOXML and some generators write them.
 */
export interface XmlPartHandler {
  open(name: string, attributes: Record<string, string>): void;
  close(name: string): void;
  text(text: string): void;
  /** The text being read goes on past what `text` will be given. */
  cut(): void;
}

export interface XmlPartErrors {
  /** The XML is not well-formed. */
  damaged(): AppError;
  /** A tag, comment or CDATA section over the markup bound. */
  tooLong(): AppError;
}

/** Raw characters of one text run the parser is given; past that the guard cuts. */
export const MAX_TEXT_RUN = 1024 * 1024;
const MAX_MARKUP = 1024 * 1024;

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

export async function parseXmlPart(chunks: AsyncIterable<Buffer>, handler: XmlPartHandler, errors: XmlPartErrors): Promise<void> {
  const parser = new SaxesParser();
  parser.on('opentag', (node) => handler.open(localName(node.name), node.attributes as Record<string, string>));
  parser.on('closetag', (node) => handler.close(localName(node.name)));
  parser.on('text', (t) => handler.text(t));
  parser.on('cdata', (t) => handler.text(t));
  const guard = new XmlGuard(MAX_TEXT_RUN, MAX_MARKUP, { write: (xml) => parser.write(xml), cut: () => handler.cut(), tooLong: () => errors.tooLong() });
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of chunks) guard.feed(decoder.decode(chunk, { stream: true }));
    guard.feed(decoder.decode());
    parser.close();
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw errors.damaged();
  }
}

/** The value of the attribute with this local name, whatever its prefix (`r:id`, `ns1:id`). */
export function prefixedAttr(attributes: Record<string, string>, local: string): string | undefined {
  for (const [key, value] of Object.entries(attributes)) if (key.includes(':') && localName(key) === local) return value;
  return undefined;
}
