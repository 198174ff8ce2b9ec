// Guards for the UI text catalogs: en and ru have the same keys and the same {param} names, and
// components/app render no hard-coded English (all user-visible text goes through t()).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { models } from '../k8s/models';
import { en, ru } from './catalogs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const enCat: Record<string, string> = en;
const ruCat: Record<string, string> = ru;

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
}

describe('i18n catalogs', () => {
  it('every key exists in both catalogs', () => {
    const missingInRu = Object.keys(enCat).filter((k) => !Object.hasOwn(ruCat, k));
    const missingInEn = Object.keys(ruCat).filter((k) => !Object.hasOwn(enCat, k));
    expect({ missingInRu, missingInEn }).toEqual({ missingInRu: [], missingInEn: [] });
  });

  it('every placeholder matches', () => {
    const mismatches = Object.keys(enCat)
      .filter((k) => Object.hasOwn(ruCat, k))
      .flatMap((k) => {
        const a = placeholders(enCat[k]!);
        const b = placeholders(ruCat[k]!);
        return a.join() === b.join() ? [] : [`${k}: en {${a.join(', ')}} ≠ ru {${b.join(', ')}}`];
      });
    expect(mismatches).toEqual([]);
  });

  // Schemas and the model registry make keys from strings (lib/i18n/messages.ts isKeyShaped): each
  // must be in the catalog, or a field would show its key.
  it('every validation message a schema names is a key', () => {
    const sources = fs
      .readdirSync(path.join(ROOT, 'lib'), { recursive: true, encoding: 'utf8' })
      .filter(
        (f) => f.endsWith('.ts') && !/\.(test|itest)\.ts$|messages\.ts$|catalogs\.ts$/.test(f),
      );
    const named = sources.flatMap((f) =>
      [
        ...fs
          .readFileSync(path.join(ROOT, 'lib', f), 'utf8')
          .matchAll(/'([a-z]\w*(?:\.\w+)*\.validation\.[\w.]+|validation\.[\w.]+)'/g),
      ].map((m) => `${f}: ${m[1]}`),
    );
    expect(named.length).toBeGreaterThan(20);
    expect(named.filter((n) => !Object.hasOwn(enCat, n.split(': ')[1]!))).toEqual([]);
  });

  it('every model has its names in the catalog', () => {
    const missing = Object.values(models).flatMap((m) =>
      [m.label, m.labelPlural].filter((k) => !Object.hasOwn(enCat, k)),
    );
    expect(missing).toEqual([]);
  });
});

// --- hard-coded English in JSX ------------------------------------------------------------------

/** Proper names and language names that are the same in every locale. */
const ALLOWED = ['Stratus', 'YAML', 'English', 'Русский'];
const TEXT_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label']);
const LATIN = /[A-Za-z]/;

function isUserVisibleEnglish(text: string): boolean {
  let rest = text.replace(/&(?:[a-z]+|#\d+|#x[\da-f]+);/gi, ' '); // HTML entities: &nbsp; etc.
  for (const word of ALLOWED)
    rest = rest.replace(new RegExp(`(?<![\\p{L}\\d])${word}(?![\\p{L}\\d])`, 'gu'), ' ');
  return LATIN.test(rest);
}

function tsxFiles(dir: string): string[] {
  return (fs.readdirSync(path.join(ROOT, dir), { recursive: true }) as string[])
    .filter((f) => f.endsWith('.tsx') && !f.endsWith('.test.tsx'))
    .map((f) => path.join(dir, f).split(path.sep).join('/'))
    .sort();
}

/**
 * String literals an attribute expression can evaluate to: `'x'`, `` `x` ``, `` `x ${y}` ``,
 * `c ? 'a' : 'b'`, `a ?? 'b'`, `'a' + b`, ... Arguments of calls (`t('key')`) and conditions are
 * not values, so they are not collected.
 */
function valueStrings(e: ts.Expression): { node: ts.Node; text: string }[] {
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e))
    return [{ node: e, text: e.text }];
  if (ts.isTemplateExpression(e)) {
    return [
      { node: e, text: [e.head.text, ...e.templateSpans.map((s) => s.literal.text)].join(' ') },
    ];
  }
  if (
    ts.isParenthesizedExpression(e) ||
    ts.isAsExpression(e) ||
    ts.isSatisfiesExpression(e) ||
    ts.isNonNullExpression(e)
  ) {
    return valueStrings(e.expression);
  }
  if (ts.isConditionalExpression(e))
    return [...valueStrings(e.whenTrue), ...valueStrings(e.whenFalse)];
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return valueStrings(e.right);
    if (
      op === ts.SyntaxKind.PlusToken ||
      op === ts.SyntaxKind.BarBarToken ||
      op === ts.SyntaxKind.QuestionQuestionToken
    ) {
      return [...valueStrings(e.left), ...valueStrings(e.right)];
    }
  }
  return [];
}

function hardCodedEnglish(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    fs.readFileSync(path.join(ROOT, file), 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const found: string[] = [];
  const report = (pos: number, text: string) => {
    const line = source.getLineAndCharacterOfPosition(pos).line + 1;
    found.push(`${file}:${line}: ${text.replace(/\s+/g, ' ').trim()}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      const text = node.text;
      if (text.trim() && isUserVisibleEnglish(text)) {
        report(node.getStart(source) + (text.length - text.trimStart().length), text);
      }
    } else if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText(source))) {
      const init = node.initializer;
      const values = !init
        ? []
        : ts.isStringLiteral(init)
          ? [{ node: init, text: init.text }]
          : ts.isJsxExpression(init) && init.expression
            ? valueStrings(init.expression)
            : [];
      for (const v of values) {
        if (isUserVisibleEnglish(v.text)) {
          report(v.node.getStart(source), `${node.name.getText(source)}=${v.node.getText(source)}`);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('UI text', () => {
  it('no hard-coded user-visible English in components and app', () => {
    const files = [...tsxFiles('components'), ...tsxFiles('app')];
    expect(files.length).toBeGreaterThan(0);
    expect(files.flatMap(hardCodedEnglish)).toEqual([]);
  });
});
