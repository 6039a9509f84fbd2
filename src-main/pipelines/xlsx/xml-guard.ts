/**
 * Stands between a streamed XML part and the SAX parser, which would otherwise collect any
 * one text node or tag in memory however long it is: a 200 MB cell text costs 200 MB before
 * the reader's own length check sees it. The guard passes the XML on unchanged, except that
 * character data past `maxText` characters in one run is dropped (with `cut()` called once, so
 * the reader knows the text it gets is only the beginning), and markup — a tag, comment,
 * CDATA section or processing instruction — longer than `maxMarkup` refuses the part.
 *
 * It only has to tell text from markup, never to parse: '<' cannot appear in character data,
 * so every '<' starts markup, which ends at the first '>' outside quotes (tags), or at '-->',
 * ']]>' or '?>'.
 */
type State = 'text' | 'lt' | 'bang' | 'bangDash' | 'tag' | 'quoted' | 'comment' | 'cdata' | 'pi';

export interface GuardOutput {
  write(xml: string): void;
  /** The text being read is longer than `maxText`: the rest of it is not passed on. */
  cut(): void;
  /** A piece of markup is longer than `maxMarkup`; returns the error to throw. */
  tooLong(): Error;
}

const TAG_STOP = /[>"']/g;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

export class XmlGuard {
  private state: State = 'text';
  /** Characters of the current text run, or of the current piece of markup. */
  private run = 0;
  private quote = '';
  /** Consecutive '-' in a comment, ']' in CDATA, or 1 after '?' in a PI: the terminators' lead. */
  private lead = 0;
  private dropping = false;

  constructor(
    private readonly maxText: number,
    private readonly maxMarkup: number,
    private readonly out: GuardOutput,
  ) {}

  feed(chunk: string): void {
    let from = 0;
    let i = 0;
    const n = chunk.length;
    while (i < n) {
      if (this.state === 'text') {
        const lt = chunk.indexOf('<', i);
        const end = lt < 0 ? n : lt;
        const room = this.maxText - this.run;
        if (!this.dropping && end - i > room) {
          // Never between the halves of a surrogate pair, which the parser would call malformed.
          const cut = room > 0 && isHighSurrogate(chunk.charCodeAt(i + room - 1)) ? i + room - 1 : i + room;
          this.out.write(chunk.slice(from, cut));
          this.out.cut();
          this.dropping = true;
        }
        this.run += end - i;
        if (lt < 0) {
          if (!this.dropping) this.out.write(chunk.slice(from));
          return;
        }
        if (this.dropping) {
          from = lt;
          this.dropping = false;
        }
        this.enter('lt');
        i = lt + 1;
        continue;
      }
      i = this.markup(chunk, i);
    }
    this.out.write(chunk.slice(from));
  }

  /** Advances through markup from `i`; returns where it stopped: the end of the chunk, or just past the markup's end. */
  private markup(chunk: string, i: number): number {
    let stop = chunk.length;
    let ended = false;
    if (this.state === 'tag') {
      TAG_STOP.lastIndex = i;
      const m = TAG_STOP.exec(chunk);
      if (m) {
        stop = m.index + 1;
        if (m[0] === '>') ended = true;
        else {
          this.quote = m[0];
          this.state = 'quoted';
        }
      }
    } else if (this.state === 'quoted') {
      const q = chunk.indexOf(this.quote, i);
      if (q >= 0) {
        stop = q + 1;
        this.state = 'tag';
      }
    } else {
      stop = i + 1;
      ended = this.step(chunk[i]!);
    }
    this.run += stop - i;
    if (this.run > this.maxMarkup) throw this.out.tooLong();
    if (ended) this.enter('text');
    return stop;
  }

  /** One character in the states that look at each: after '<', and in comments, CDATA and PIs. True when the markup ends with it. */
  private step(ch: string): boolean {
    switch (this.state) {
      case 'lt':
        if (ch === '>') return true;
        this.state = ch === '!' ? 'bang' : ch === '?' ? 'pi' : 'tag';
        return false;
      case 'bang':
        this.state = ch === '-' ? 'bangDash' : ch === '[' ? 'cdata' : 'tag';
        return ch === '>';
      case 'bangDash':
        this.state = ch === '-' ? 'comment' : 'tag';
        return ch === '>';
      case 'comment':
        if (ch === '>' && this.lead >= 2) return true;
        this.lead = ch === '-' ? this.lead + 1 : 0;
        return false;
      case 'cdata':
        if (ch === '>' && this.lead >= 2) return true;
        this.lead = ch === ']' ? this.lead + 1 : 0;
        return false;
      default:
        if (ch === '>' && this.lead === 1) return true;
        this.lead = ch === '?' ? 1 : 0;
        return false;
    }
  }

  private enter(state: State): void {
    this.state = state;
    this.run = 0;
    this.lead = 0;
  }
}
