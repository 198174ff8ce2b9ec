// Text as X11 keysyms, for typing pasted text into a VNC console: noVNC's clipboardPasteFrom only
// sets the server's clipboard (ClientCutText), which a login prompt never reads. Pure.
const special: Record<string, number> = {
  '\n': 0xff0d, // Return
  '\r': 0xff0d,
  '\t': 0xff09, // Tab
  '\b': 0xff08, // BackSpace
};

/** One keysym per character: Latin-1 maps to itself, other characters to Unicode keysyms. */
export function keysymsOf(text: string): number[] {
  const out: number[] = [];
  let lastCr = false;
  for (const ch of text) {
    // CRLF is one Enter.
    if (ch === '\n' && lastCr) {
      lastCr = false;
      continue;
    }
    lastCr = ch === '\r';
    const cp = ch.codePointAt(0) ?? 0;
    const s = special[ch];
    if (s !== undefined) out.push(s);
    else if ((cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff)) out.push(cp);
    else if (cp > 0xff) out.push(0x01000000 + cp);
  }
  return out;
}
